package cn.cwca.portal.document;

import cn.cwca.portal.common.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * What an uploaded document must be: not empty, at most {@link #maxBytes()} long, and a PDF, JPEG
 * or PNG by its content that actually opens ({@link DocumentContentCheck}: a PDF with a page and no
 * password, an image that decodes and is not too large). The limit comes from the system property
 * {@value #MAX_BYTES_PROPERTY} (Payara: {@code asadmin create-system-properties} or a JVM option),
 * default {@value #DEFAULT_MAX_BYTES} bytes (10 MB); every instance of a cluster must be given the
 * same value. The web module's multipart-config (web.xml, 50 MB) bounds it: a larger file never
 * reaches the policy.
 *
 * <p>An upload is read once, as a stream, into a private temporary file (in {@code
 * java.io.tmpdir}), counting and hashing (SHA-256) it on the way and stopping one byte after the
 * limit; the content check reads that file with bounded memory, and {@link DocumentStore} streams
 * it into the database. The whole file is never held in memory.
 */
public final class DocumentUploadPolicy {

  /** Name of the size-limit setting, in bytes. */
  public static final String MAX_BYTES_PROPERTY = "portal.documents.maxBytes";

  /** 10 MB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(DocumentUploadPolicy.class.getName());
  private static final long BYTES_PER_KB = 1024L;
  private static final long BYTES_PER_MB = 1024L * 1024;

  private final long maxBytes;
  private final DocumentContentCheck contentCheck;
  private final Path spoolDirectory;

  public DocumentUploadPolicy(long maxBytes) {
    this(maxBytes, DocumentContentCheck.Limits.DEFAULT);
  }

  /** With other bounds for the content check (tests). */
  DocumentUploadPolicy(long maxBytes, DocumentContentCheck.Limits contentLimits) {
    this(maxBytes, contentLimits, null);
  }

  /**
   * With other bounds for the content check and another directory for the temporary files (tests);
   * {@code null} for {@code java.io.tmpdir}.
   */
  DocumentUploadPolicy(
      long maxBytes, DocumentContentCheck.Limits contentLimits, Path spoolDirectory) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("the size limit must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.contentCheck = new DocumentContentCheck(contentLimits);
    this.spoolDirectory = spoolDirectory;
  }

  /** The policy configured for this server (see the class comment). */
  public static DocumentUploadPolicy configured() {
    return new DocumentUploadPolicy(configuredMaxBytes(System.getProperty(MAX_BYTES_PROPERTY)));
  }

  /** The limit a setting asks for; the default when it is missing or not a positive number. */
  static long configuredMaxBytes(String setting) {
    if (setting == null || setting.isBlank()) {
      return DEFAULT_MAX_BYTES;
    }
    try {
      long value = Long.parseLong(setting.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    LOG.warning(
        () ->
            MAX_BYTES_PROPERTY
                + "="
                + setting
                + " is not a positive number of bytes; using "
                + DEFAULT_MAX_BYTES);
    return DEFAULT_MAX_BYTES;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Reads and checks an upload (see the class comment); the caller closes what it returns, which
   * deletes its temporary file. Nothing is kept of a refused upload.
   *
   * @throws BusinessException {@code application.document.empty}, {@code
   *     application.document.tooLarge} (argument: {@link #limitText()}), {@code
   *     application.document.unsupportedType}, or a refusal of {@link DocumentContentCheck#verify}
   *     ({@code application.document.damagedPdf}, {@code encryptedPdf}, {@code pdfWithoutPages},
   *     {@code damagedImage}, {@code imageTooLarge})
   * @throws UncheckedIOException when the upload or the temporary file cannot be read or written
   */
  public CheckedDocument check(DocumentUpload upload) {
    if (upload == null || upload.declaredSize() == 0) {
      throw new BusinessException("application.document.empty");
    }
    if (upload.declaredSize() > maxBytes) {
      throw new BusinessException("application.document.tooLarge", limitText());
    }
    Path file = null;
    try {
      file = TemporaryFiles.create(spoolDirectory, "upload-", ".part");
      MessageDigest sha256 = sha256();
      long size;
      try (InputStream in = upload.source().open();
          OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
        size = copyAtMost(in, out, maxBytes + 1);
      }
      if (size == 0) {
        throw new BusinessException("application.document.empty");
      }
      if (size > maxBytes) {
        throw new BusinessException("application.document.tooLarge", limitText());
      }
      DocumentFormat format =
          DocumentFormat.detect(head(file))
              .orElseThrow(() -> new BusinessException("application.document.unsupportedType"));
      contentCheck.verify(format, file);
      return new CheckedDocument(
          upload.fileName(), format, size, HexFormat.of().formatHex(sha256.digest()), file);
    } catch (IOException e) {
      TemporaryFiles.delete(file);
      throw new UncheckedIOException("the upload could not be read", e);
    } catch (RuntimeException | Error e) {
      TemporaryFiles.delete(file);
      throw e;
    }
  }

  /** Copies until the end of {@code in} or {@code limit} bytes, whichever is first. */
  static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    while (copied < limit) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
      copied += read;
    }
    return copied;
  }

  /** The first bytes of a file, enough for {@link DocumentFormat#detect}. */
  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(16);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The limit as the applicant reads it: in MB from 1 MB on ("10MB", "1.5MB"), in KB below
   * ("500KB"), in bytes below 1 KB ("800B"); at most two decimals, rounded down so that the text
   * never promises more than the limit allows.
   */
  public String limitText() {
    if (maxBytes >= BYTES_PER_MB) {
      return inUnits(BYTES_PER_MB) + "MB";
    }
    if (maxBytes >= BYTES_PER_KB) {
      return inUnits(BYTES_PER_KB) + "KB";
    }
    return maxBytes + "B";
  }

  private String inUnits(long unit) {
    return BigDecimal.valueOf(maxBytes)
        .divide(BigDecimal.valueOf(unit), 2, RoundingMode.DOWN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
