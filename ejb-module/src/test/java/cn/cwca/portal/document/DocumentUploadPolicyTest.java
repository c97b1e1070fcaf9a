package cn.cwca.portal.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DocumentUploadPolicyTest {

  @Test
  void defaultLimitIsTenMegabytes() {
    assertEquals(10L * 1024 * 1024, DocumentUploadPolicy.configuredMaxBytes(null));
    assertEquals(10L * 1024 * 1024, DocumentUploadPolicy.configuredMaxBytes(" "));
  }

  @Test
  void limitIsConfigurable() {
    assertEquals(2_000_000L, DocumentUploadPolicy.configuredMaxBytes(" 2000000 "));
  }

  @Test
  void unusableSettingFallsBackToTheDefault() {
    assertEquals(
        DocumentUploadPolicy.DEFAULT_MAX_BYTES, DocumentUploadPolicy.configuredMaxBytes("10MB"));
    assertEquals(
        DocumentUploadPolicy.DEFAULT_MAX_BYTES, DocumentUploadPolicy.configuredMaxBytes("0"));
    assertEquals(
        DocumentUploadPolicy.DEFAULT_MAX_BYTES, DocumentUploadPolicy.configuredMaxBytes("-5"));
  }

  @Test
  void acceptsAFileOfExactlyTheLimit() {
    byte[] real = SampleFiles.onePagePdf();
    byte[] pdf = Arrays.copyOf(real, 2048);
    Arrays.fill(pdf, real.length, pdf.length, (byte) '\n');
    assertEquals(DocumentFormat.PDF, new DocumentUploadPolicy(2048).check(pdf));
  }

  @Test
  void refusesALargerFileNamingTheLimitInMegabytes() {
    byte[] pdf = Arrays.copyOf(DocumentFormatTest.PDF, 10 * 1024 * 1024 + 1);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> new DocumentUploadPolicy(DocumentUploadPolicy.DEFAULT_MAX_BYTES).check(pdf));
    assertEquals("application.document.tooLarge", e.messageKey());
    assertArrayEquals(new Object[] {"10MB"}, e.args());
  }

  @Test
  void aLimitUnderOneMegabyteIsShownInKilobytesNotAsZeroMegabytes() {
    assertEquals("512KB", new DocumentUploadPolicy(512 * 1024).limitText());
    assertEquals("500KB", new DocumentUploadPolicy(500 * 1024).limitText());
    assertEquals("1.5KB", new DocumentUploadPolicy(1536).limitText());
    assertEquals("800B", new DocumentUploadPolicy(800).limitText());
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> new DocumentUploadPolicy(300_000).check(new byte[300_001]));
    assertArrayEquals(new Object[] {"292.96KB"}, e.args());
  }

  @Test
  void aLimitOfMegabytesIsShownInMegabytesRoundedDown() {
    assertEquals("10MB", new DocumentUploadPolicy(10L * 1024 * 1024).limitText());
    assertEquals("1.5MB", new DocumentUploadPolicy(1536L * 1024).limitText());
    assertEquals("1MB", new DocumentUploadPolicy(1024L * 1024).limitText());
    assertEquals("2.99MB", new DocumentUploadPolicy(3L * 1024 * 1024 - 1).limitText());
  }

  @Test
  void refusesAnEmptyFile() {
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> new DocumentUploadPolicy(100).check(new byte[0]));
    assertEquals("application.document.empty", e.messageKey());
  }

  @Test
  void refusesAFileThatIsNoPdfJpegOrPng() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                new DocumentUploadPolicy(100)
                    .check("just text, named scan.pdf".getBytes(StandardCharsets.UTF_8)));
    assertEquals("application.document.unsupportedType", e.messageKey());
  }

  @Test
  void theShownFileNameLosesClientPathsAndControlCharacters() {
    assertEquals(
        "营业执照.pdf", ApplicationDocument.displayName("C:\\Users\\me\\营业执照.pdf", DocumentFormat.PDF));
    assertEquals("a.png", ApplicationDocument.displayName("/tmp/a\u0000.png", DocumentFormat.PNG));
    assertEquals("document.jpeg", ApplicationDocument.displayName("  ", DocumentFormat.JPEG));
    assertEquals(
        200, ApplicationDocument.displayName("x".repeat(300), DocumentFormat.PDF).length());
  }

  @Test
  void contentIsFingerprintedWithSha256() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ApplicationDocument.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
  }
}
