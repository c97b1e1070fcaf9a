package cn.cwca.portal.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An upload is accepted only when it opens as the format its first bytes claim. */
class DocumentContentCheckTest {

  private static final DocumentUploadPolicy POLICY =
      new DocumentUploadPolicy(DocumentUploadPolicy.DEFAULT_MAX_BYTES);

  private static String refusal(byte[] content) {
    return refusalOf(POLICY, content).messageKey();
  }

  private static BusinessException refusalOf(DocumentUploadPolicy policy, byte[] content) {
    return assertThrows(BusinessException.class, () -> Uploads.formatOf(policy, content));
  }

  // --- PDF ---

  @Test
  void aOnePagePdfIsAccepted() {
    assertEquals(DocumentFormat.PDF, Uploads.formatOf(POLICY, SampleFiles.onePagePdf()));
  }

  @Test
  void aPdfThatPdfBoxCannotOpenIsRefused() {
    assertEquals("application.document.damagedPdf", refusal(SampleFiles.pdfHeaderAndGarbage()));
  }

  @Test
  void aPdfCutShortBeforeItsPagesIsRefused() {
    byte[] pdf = SampleFiles.onePagePdf();
    assertEquals("application.document.damagedPdf", refusal(Arrays.copyOf(pdf, pdf.length / 4)));
  }

  @Test
  void aPdfWithoutPagesIsRefused() {
    assertEquals("application.document.pdfWithoutPages", refusal(SampleFiles.pdfWithoutPages()));
  }

  @Test
  void aPdfThatNeedsAPasswordIsRefusedAsEncrypted() {
    assertEquals("application.document.encryptedPdf", refusal(SampleFiles.encryptedPdf("user")));
  }

  @Test
  void aPdfRestrictedOnlyByAnOwnerPasswordIsAccepted() {
    assertEquals(DocumentFormat.PDF, Uploads.formatOf(POLICY, SampleFiles.encryptedPdf("")));
  }

  // --- images ---

  @Test
  void aPngThatDecodesIsAccepted() {
    assertEquals(DocumentFormat.PNG, Uploads.formatOf(POLICY, SampleFiles.png(640, 480)));
  }

  @Test
  void aJpegThatDecodesIsAccepted() {
    assertEquals(DocumentFormat.JPEG, Uploads.formatOf(POLICY, SampleFiles.jpeg(640, 480)));
  }

  @Test
  void aTruncatedPngIsRefused() {
    byte[] png = SampleFiles.png(640, 480);
    assertEquals(
        "application.document.damagedImage", refusal(Arrays.copyOf(png, png.length * 3 / 4)));
  }

  @Test
  void aTruncatedJpegIsRefusedThoughTheDecoderOnlyWarns() {
    byte[] jpeg = SampleFiles.jpeg(640, 480);
    assertEquals(
        "application.document.damagedImage", refusal(Arrays.copyOf(jpeg, jpeg.length * 3 / 4)));
  }

  @Test
  void imageSignaturesFollowedByGarbageAreRefused() {
    byte[] png = Arrays.copyOf(SampleFiles.png(8, 8), 8);
    byte[] fakePng = Arrays.copyOf(png, 200);
    Arrays.fill(fakePng, 8, 200, (byte) 'x');
    assertEquals("application.document.damagedImage", refusal(fakePng));

    byte[] fakeJpeg = new byte[200];
    Arrays.fill(fakeJpeg, (byte) 'x');
    fakeJpeg[0] = (byte) 0xFF;
    fakeJpeg[1] = (byte) 0xD8;
    fakeJpeg[2] = (byte) 0xFF;
    assertEquals("application.document.damagedImage", refusal(fakeJpeg));
  }

  @Test
  void aPngDeclaringMorePixelsThanTheLimitIsRefusedBeforeDecoding() {
    // 20000 x 20000 = 400 megapixels declared, and no pixel data at all: decoding it first would
    // answer "damaged" (or allocate 1.6 GB), reading the header first answers "too large".
    BusinessException e = refusalOf(POLICY, SampleFiles.pngDeclaring(20_000, 20_000));
    assertEquals("application.document.imageTooLarge", e.messageKey());
    assertArrayEquals(new Object[] {"5000", "30000"}, e.args());
  }

  @Test
  void aJpegDeclaringMorePixelsThanTheLimitIsRefusedBeforeDecoding() {
    assertEquals(
        "application.document.imageTooLarge", refusal(SampleFiles.jpegDeclaring(60_000, 60_000)));
  }

  @Test
  void anImageWithAnAbsurdSideIsRefusedThoughItsPixelsAreFew() {
    assertEquals(
        "application.document.imageTooLarge", refusal(SampleFiles.pngDeclaring(40_000, 10)));
  }

  @Test
  void anImageLargerThanTheDecodingBudgetIsDecodedSubsampled() {
    DocumentContentCheck.Limits small =
        new DocumentContentCheck.Limits(1024 * 1024, 10_000_000L, 10_000, 10_000L);
    DocumentUploadPolicy policy =
        new DocumentUploadPolicy(DocumentUploadPolicy.DEFAULT_MAX_BYTES, small);
    assertEquals(DocumentFormat.PNG, Uploads.formatOf(policy, SampleFiles.png(1000, 800)));
    assertEquals(DocumentFormat.JPEG, Uploads.formatOf(policy, SampleFiles.jpeg(1000, 800)));
    byte[] png = SampleFiles.png(1000, 800);
    assertEquals(
        "application.document.damagedImage",
        refusalOf(policy, Arrays.copyOf(png, png.length / 2)).messageKey(),
        "subsampled, the whole image is still read");

    DocumentContentCheck check = new DocumentContentCheck(small);
    assertEquals(1, check.subsampling(100, 100));
    assertEquals(9, check.subsampling(1000, 800), "1000x800 / 81 <= 10000 pixels");
  }

  @Test
  void onlyWarningsAboutMissingDataRefuseAJpeg() {
    assertTrue(DocumentContentCheck.isMissingData("Premature end of JPEG file"));
    assertTrue(DocumentContentCheck.isMissingData("Truncated File - Missing EOI marker"));
    assertTrue(DocumentContentCheck.isMissingData("Corrupt JPEG data: bad Huffman code"));
    assertFalse(
        DocumentContentCheck.isMissingData(
            "Corrupt JPEG data: 4 extraneous bytes before marker 0xd9"));
    assertFalse(DocumentContentCheck.isMissingData("Warning: unknown JFIF revision number 2.01"));
  }
}
