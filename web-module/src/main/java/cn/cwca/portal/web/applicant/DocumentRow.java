package cn.cwca.portal.web.applicant;

import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.DocumentInfo;
import cn.cwca.portal.document.DocumentSlot;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One line of 资料文件上传 as the page shows it: a document asked for, whether it is required, and the
 * current file. A class with getters, not the service's record: Expression Language 5 (Jakarta EE
 * 10) does not read record components.
 */
public final class DocumentRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final DocumentType type;
  private final boolean required;
  private final DocumentInfo uploaded;

  DocumentRow(DocumentSlot slot) {
    this.type = slot.type();
    this.required = slot.required();
    this.uploaded = slot.uploaded();
  }

  public DocumentType getType() {
    return type;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isUploaded() {
    return uploaded != null;
  }

  /** The file name the applicant's file had; {@code null} before an upload. */
  public String getFileName() {
    return uploaded == null ? null : uploaded.fileName();
  }

  /** Size in whole KB, at least 1. */
  public long getSizeKb() {
    return uploaded == null ? 0 : Math.max(1, (uploaded.size() + 1023) / 1024);
  }

  /** Shown inline as an image (else in the PDF viewer). */
  public boolean isImage() {
    return uploaded != null && uploaded.isImage();
  }

  public LocalDateTime getUploadedAt() {
    return uploaded == null ? null : uploaded.uploadedAt();
  }

  /** Changes with the content, so that a preview after 替换 is not served from the cache. */
  public String getVersion() {
    return uploaded == null ? "" : uploaded.sha256().substring(0, 12);
  }
}
