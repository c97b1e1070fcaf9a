package cn.cwca.portal.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.common.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertEquals(DocumentFormat.PDF, Uploads.formatOf(new DocumentUploadPolicy(2048), pdf));
  }

  @Test
  void refusesALargerFileNamingTheLimitInMegabytes() {
    byte[] pdf = Arrays.copyOf(DocumentFormatTest.PDF, 10 * 1024 * 1024 + 1);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                Uploads.formatOf(
                    new DocumentUploadPolicy(DocumentUploadPolicy.DEFAULT_MAX_BYTES), pdf));
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
            () -> Uploads.formatOf(new DocumentUploadPolicy(300_000), new byte[300_001]));
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
            BusinessException.class,
            () -> Uploads.formatOf(new DocumentUploadPolicy(100), new byte[0]));
    assertEquals("application.document.empty", e.messageKey());
  }

  @Test
  void refusesAFileThatIsNoPdfJpegOrPng() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                Uploads.formatOf(
                    new DocumentUploadPolicy(100),
                    "just text, named scan.pdf".getBytes(StandardCharsets.UTF_8)));
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
        DocumentContent.of(
                DocumentType.APPLICATION_FORM,
                "abc.pdf",
                "application/pdf",
                "abc".getBytes(StandardCharsets.US_ASCII))
            .sha256());
  }

  // --- streamed uploads ---

  @TempDir Path spool;

  private DocumentUploadPolicy policy(long maxBytes) {
    return new DocumentUploadPolicy(maxBytes, DocumentContentCheck.Limits.DEFAULT, spool);
  }

  private long spooledFiles() throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.count();
    }
  }

  @Test
  void anUploadOfUnknownSizeIsReadOnlyUpToOneByteAfterTheLimit() throws IOException {
    AtomicReference<GeneratedBytes> opened = new AtomicReference<>();
    DocumentUpload endless =
        new DocumentUpload(
            "huge.pdf",
            -1,
            () -> {
              opened.set(new GeneratedBytes(Long.MAX_VALUE, 1));
              return opened.get();
            });

    BusinessException e = assertThrows(BusinessException.class, () -> policy(4096).check(endless));

    assertEquals("application.document.tooLarge", e.messageKey());
    assertEquals(4097, opened.get().position(), "read as a stream, and only up to the limit");
    assertEquals(0, spooledFiles(), "nothing is kept of a refused upload");
  }

  @Test
  void anUploadDeclaredLargerThanTheLimitIsRefusedUnread() throws IOException {
    DocumentUpload declared =
        new DocumentUpload(
            "big.pdf",
            4097,
            () -> {
              throw new AssertionError("opened");
            });
    BusinessException e = assertThrows(BusinessException.class, () -> policy(4096).check(declared));
    assertEquals("application.document.tooLarge", e.messageKey());
    assertEquals(0, spooledFiles());
  }

  @Test
  void anAcceptedUploadIsHashedAsReadAndItsTemporaryFileGoesWithIt() throws IOException {
    byte[] pdf = SampleFiles.onePagePdf();
    CheckedDocument checked =
        policy(DocumentUploadPolicy.DEFAULT_MAX_BYTES)
            .check(new DocumentUpload("扫描件.pdf", -1, () -> new java.io.ByteArrayInputStream(pdf)));
    try (checked) {
      assertEquals(DocumentFormat.PDF, checked.format());
      assertEquals(pdf.length, checked.size());
      assertEquals(
          DocumentContent.of(DocumentType.APPLICATION_FORM, "a.pdf", "application/pdf", pdf)
              .sha256(),
          checked.sha256());
      assertEquals("扫描件.pdf", checked.fileName());
      try (InputStream in = checked.open()) {
        assertArrayEquals(pdf, in.readAllBytes());
      }
      assertEquals(1, spooledFiles());
      Path file;
      try (Stream<Path> files = Files.list(spool)) {
        file = files.findFirst().orElseThrow();
      }
      assertTrue(
          Files.getPosixFilePermissions(file).stream().allMatch(p -> p.name().startsWith("OWNER_")),
          "readable by the server's user only");
    }
    assertEquals(0, spooledFiles(), "closed: deleted");
  }

  @Test
  void aRefusedUploadLeavesNoTemporaryFile() throws IOException {
    byte[] damaged = Arrays.copyOf(SampleFiles.onePagePdf(), 40);
    assertThrows(
        BusinessException.class,
        () ->
            policy(DocumentUploadPolicy.DEFAULT_MAX_BYTES).check(DocumentUpload.of("x", damaged)));
    assertEquals(0, spooledFiles());
  }
}
