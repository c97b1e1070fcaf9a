package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * An uploaded document without its bytes: what the upload step and the review list show.
 *
 * @param fileName the name the applicant's file had, cleaned and with the extension of the type
 *     found in the content ({@link StoredFileName}); display only
 * @param contentType {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param sha256 hex digest of the content
 */
public record DocumentInfo(
    DocumentType type,
    String fileName,
    String contentType,
    long size,
    String sha256,
    LocalDateTime uploadedAt)
    implements Serializable {

  /** Shown inline as an image (点击预览大图) rather than in a PDF viewer. */
  public boolean isImage() {
    return contentType.startsWith("image/");
  }
}
