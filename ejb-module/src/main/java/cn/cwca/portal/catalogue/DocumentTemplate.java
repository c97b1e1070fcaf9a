package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A template an administrator uploaded for a document type (a PDF), offered to applicants in place
 * of the built-in one while it is not retired. Rows are never deleted and their file never changes:
 * a newer upload or 恢复内置模板 retires it. Times are UTC.
 *
 * <p>The entity maps the description only: the bytes (column {@code content}) are written and read
 * with JDBC ({@link TemplateBytes}), never through JPA.
 */
@Entity
@Table(name = "document_template")
@NamedQuery(
    name = DocumentTemplate.CURRENT,
    query = "SELECT t FROM DocumentTemplate t WHERE t.type = :type AND t.retiredAt IS NULL")
@NamedQuery(
    name = DocumentTemplate.ALL_CURRENT,
    query = "SELECT t FROM DocumentTemplate t WHERE t.retiredAt IS NULL")
public class DocumentTemplate implements Serializable {

  static final String CURRENT = "DocumentTemplate.current";
  static final String ALL_CURRENT = "DocumentTemplate.allCurrent";

  private static final long serialVersionUID = 1L;

  /** From {@code document_template_seq}, given by {@link TemplateBytes} when it inserts. */
  @Id private Long id;

  @Version private long version;

  @Enumerated(EnumType.STRING)
  @Column(name = "document_type", nullable = false, updatable = false, length = 40)
  private DocumentType type;

  @Column(name = "file_name", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(name = "sha256", nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private LocalDateTime uploadedAt;

  @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
  private String uploadedBy;

  @Column(name = "retired_at")
  private LocalDateTime retiredAt;

  @Column(name = "retired_by", length = 64)
  private String retiredBy;

  protected DocumentTemplate() {}

  /** Retires it: applicants get the next upload, or the built-in template. */
  void retire(String by, LocalDateTime at) {
    if (retiredAt == null) {
      retiredBy = by;
      retiredAt = at;
    }
  }

  /** Its description, as the page shows it. */
  TemplateInfo info() {
    return new TemplateInfo(type, id, fileName, size, sha256, uploadedBy, uploadedAt);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public DocumentType getType() {
    return type;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSize() {
    return size;
  }

  /** Hex SHA-256 of the file. */
  public String getSha256() {
    return sha256;
  }

  public LocalDateTime getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public boolean isRetired() {
    return retiredAt != null;
  }
}
