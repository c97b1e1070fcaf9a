package cn.cwca.portal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentFormatTest {

  static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F'
  };
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

  @Test
  void recognisesPdfByItsHeader() {
    assertEquals(Optional.of(DocumentFormat.PDF), DocumentFormat.detect(PDF));
    assertEquals("application/pdf", DocumentFormat.PDF.contentType());
    assertFalse(DocumentFormat.PDF.isImage());
  }

  @Test
  void recognisesJpegByItsStartOfImageMarker() {
    assertEquals(Optional.of(DocumentFormat.JPEG), DocumentFormat.detect(JPEG));
    assertEquals("image/jpeg", DocumentFormat.JPEG.contentType());
    assertTrue(DocumentFormat.JPEG.isImage());
  }

  @Test
  void recognisesPngByItsSignature() {
    assertEquals(Optional.of(DocumentFormat.PNG), DocumentFormat.detect(PNG));
    assertEquals("image/png", DocumentFormat.PNG.contentType());
  }

  @Test
  void refusesOtherFormatsWhateverTheyAreCalled() {
    assertEquals(
        Optional.empty(), DocumentFormat.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.empty(),
        DocumentFormat.detect("<html>%PDF-1.7</html>".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), DocumentFormat.detect(new byte[] {'P', 'K', 3, 4}));
    assertEquals(
        Optional.empty(), DocumentFormat.detect("%PDF".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void refusesTruncatedSignaturesAndNothing() {
    assertEquals(Optional.empty(), DocumentFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    assertEquals(Optional.empty(), DocumentFormat.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    assertEquals(Optional.empty(), DocumentFormat.detect(new byte[0]));
    assertEquals(Optional.empty(), DocumentFormat.detect(null));
  }

  @Test
  void storedContentTypesMapBack() {
    assertEquals(Optional.of(DocumentFormat.PNG), DocumentFormat.ofContentType("image/png"));
    assertEquals(Optional.empty(), DocumentFormat.ofContentType("image/gif"));
  }
}
