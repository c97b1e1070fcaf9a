package cn.cwca.portal.document;

import cn.cwca.portal.common.BusinessException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.logging.Logger;

/**
 * What an uploaded document must be: not empty, at most {@link #maxBytes()} long, and a PDF, JPEG
 * or PNG by its content that actually opens ({@link DocumentContentCheck}: a PDF with a page and no
 * password, an image that decodes and is not too large). The limit comes from the system property
 * {@value #MAX_BYTES_PROPERTY} (Payara: {@code asadmin create-system-properties} or a JVM option),
 * default {@value #DEFAULT_MAX_BYTES} bytes (10 MB); every instance of a cluster must be given the
 * same value. The web module's multipart-config (web.xml, 50 MB) bounds it: a larger file never
 * reaches the policy.
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

  public DocumentUploadPolicy(long maxBytes) {
    this(maxBytes, DocumentContentCheck.Limits.DEFAULT);
  }

  /** With other bounds for the content check (tests). */
  DocumentUploadPolicy(long maxBytes, DocumentContentCheck.Limits contentLimits) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("the size limit must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.contentCheck = new DocumentContentCheck(contentLimits);
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
   * The format of an acceptable upload.
   *
   * @throws BusinessException {@code application.document.empty}, {@code
   *     application.document.tooLarge} (argument: {@link #limitText()}), {@code
   *     application.document.unsupportedType}, or a refusal of {@link DocumentContentCheck#verify}
   *     ({@code application.document.damagedPdf}, {@code encryptedPdf}, {@code pdfWithoutPages},
   *     {@code damagedImage}, {@code imageTooLarge})
   */
  public DocumentFormat check(byte[] content) {
    if (content == null || content.length == 0) {
      throw new BusinessException("application.document.empty");
    }
    if (content.length > maxBytes) {
      throw new BusinessException("application.document.tooLarge", limitText());
    }
    DocumentFormat format =
        DocumentFormat.detect(content)
            .orElseThrow(() -> new BusinessException("application.document.unsupportedType"));
    contentCheck.verify(format, content);
    return format;
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
