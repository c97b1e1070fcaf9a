package cn.cwca.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/**
 * {@link InvoiceFormat} and {@link InvoiceFile}: what the finance staff may upload as an invoice.
 */
class InvoiceFilesTest {

  static final String XML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<EInvoice><Header><EIid>25372000000012345678</EIid></Header>"
          + "<TaxSupervisionInfo><InvoiceNumber>25372000000012345678</InvoiceNumber>"
          + "</TaxSupervisionInfo></EInvoice>";

  @Test
  void aRealOnePagePdfIsAPdf() throws IOException {
    byte[] pdf = onePagePdf();

    assertEquals(Optional.of(InvoiceFormat.PDF), InvoiceFormat.detect(pdf));
    InvoiceFile file = InvoiceFile.check(pdf);
    assertEquals(InvoiceFormat.PDF, file.format());
    assertArrayEquals(pdf, file.content());
    assertNull(file.fileName(), "named only after the invoice number");
  }

  @Test
  void aPdfHeaderOverGarbageIsNoPdf() {
    byte[] fake = "%PDF-1.7\nnot a document at all".getBytes(StandardCharsets.ISO_8859_1);

    assertEquals(Optional.empty(), InvoiceFormat.detect(fake));
    assertEquals("invoice.file.unsupported", refusal(fake));
  }

  @Test
  void aPdfWithoutPagesIsNoInvoice() throws IOException {
    try (PDDocument empty = new PDDocument()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      empty.save(out);
      assertEquals(Optional.empty(), InvoiceFormat.detect(out.toByteArray()));
    }
  }

  @Test
  void anOfdPackageHasItsOfdXmlEntry() throws IOException {
    byte[] ofd = zip("OFD.xml", "Doc_0/Document.xml");

    assertEquals(Optional.of(InvoiceFormat.OFD), InvoiceFormat.detect(ofd));
    assertEquals(InvoiceFormat.OFD, InvoiceFile.check(ofd).format());
    assertEquals("application/ofd", InvoiceFormat.OFD.contentType());
  }

  @Test
  void aZipWithoutOfdXmlIsNoOfd() throws IOException {
    byte[] zip = zip("Doc_0/Document.xml", "readme.txt");

    assertEquals(Optional.empty(), InvoiceFormat.detect(zip));
    assertEquals("invoice.file.unsupported", refusal(zip));
    assertEquals(Optional.empty(), InvoiceFormat.detect(new byte[] {'P', 'K', 3, 4, 0, 0}));
  }

  @Test
  void wellFormedXmlIsXml() {
    byte[] xml = XML.getBytes(StandardCharsets.UTF_8);

    assertEquals(Optional.of(InvoiceFormat.XML), InvoiceFormat.detect(xml));
    assertEquals(InvoiceFormat.XML, InvoiceFile.check(xml).format());
  }

  @Test
  void xmlWithADoctypeIsRefusedSoThatNothingIsFetchedOrExpanded() {
    byte[] xxe =
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE EInvoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<EInvoice>&x;</EInvoice>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] doctypeOnly = "<!DOCTYPE EInvoice><EInvoice/>".getBytes(StandardCharsets.UTF_8);

    assertEquals(Optional.empty(), InvoiceFormat.detect(xxe));
    assertEquals(Optional.empty(), InvoiceFormat.detect(doctypeOnly));
    assertEquals("invoice.file.unsupported", refusal(xxe));
  }

  @Test
  void brokenXmlAndOtherTextsAreRefused() {
    assertEquals(
        Optional.empty(),
        InvoiceFormat.detect("<EInvoice><open></EInvoice>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        Optional.empty(),
        InvoiceFormat.detect("发票号码 25372000000012345678".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), InvoiceFormat.detect(new byte[] {1, 2}));
    assertEquals(Optional.empty(), InvoiceFormat.detect(null));
  }

  @Test
  void aFileLargerThanFiveMegabytesIsRefusedBeforeItIsRead() {
    byte[] large = Arrays.copyOf(XML.getBytes(StandardCharsets.UTF_8), InvoiceFile.MAX_BYTES + 1);

    assertEquals("invoice.file.tooLarge", refusal(large));
    assertEquals(5 * 1024 * 1024, InvoiceFile.MAX_BYTES);
  }

  @Test
  void noFileOrAnEmptyOneIsMissing() {
    assertEquals("invoice.file.missing", refusal(null));
    assertEquals("invoice.file.missing", refusal(new byte[0]));
  }

  @Test
  void theStoredFileIsNamedAfterTheInvoiceNumberWithTheExtensionOfItsContent() throws IOException {
    InvoiceFile named = InvoiceFile.check(onePagePdf()).named("25372000000012345678");
    assertEquals("发票25372000000012345678.pdf", named.fileName());

    InvoiceFile xml = InvoiceFile.check(XML.getBytes(StandardCharsets.UTF_8)).named("1");
    assertEquals("发票1.xml", xml.fileName());
  }

  @Test
  void storedContentTypesMapBack() {
    for (InvoiceFormat format : InvoiceFormat.values()) {
      assertEquals(Optional.of(format), InvoiceFormat.ofContentType(format.contentType()));
    }
    assertEquals(Optional.empty(), InvoiceFormat.ofContentType("text/html"));
  }

  static byte[] onePagePdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name : entries) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(
            "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static String refusal(byte[] content) {
    return assertThrows(BusinessException.class, () -> InvoiceFile.check(content)).messageKey();
  }
}
