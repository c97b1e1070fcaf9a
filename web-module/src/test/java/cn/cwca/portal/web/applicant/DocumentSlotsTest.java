package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.document.DocumentUpload;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.primefaces.model.file.UploadedFile;

/** An uploaded file reaches the service as a stream of its multipart part. */
class DocumentSlotsTest {

  @Test
  void anUploadIsHandedOverAsTheStreamOfItsPartNeverAsAnArray() throws Exception {
    byte[] bytes = {'%', 'P', 'D', 'F', '-', '1'};
    AtomicInteger opened = new AtomicInteger();
    UploadedFile file =
        (UploadedFile)
            Proxy.newProxyInstance(
                UploadedFile.class.getClassLoader(),
                new Class<?>[] {UploadedFile.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getFileName" -> "营业执照.pdf";
                      case "getSize" -> (long) bytes.length;
                      case "getInputStream" -> {
                        opened.incrementAndGet();
                        yield new ByteArrayInputStream(bytes);
                      }
                      // getContent() above all: it would read the whole file into memory.
                      default -> throw new UnsupportedOperationException(method.getName());
                    });

    DocumentUpload upload = DocumentSlots.uploadOf(file);

    assertEquals("营业执照.pdf", upload.fileName());
    assertEquals(bytes.length, upload.declaredSize());
    assertEquals(0, opened.get(), "read only when the service checks it");
    try (InputStream in = upload.source().open()) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    assertEquals(1, opened.get());
  }

  @Test
  void noFileIsAnEmptyUpload() {
    assertEquals(0, DocumentSlots.uploadOf(null).declaredSize());
  }
}
