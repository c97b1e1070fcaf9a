package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
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
 * 资料文件: the current file of one document type of an application, kept in the database (bytea) so
 * that every instance of a cluster serves it. Replacing the file updates this row. Times are UTC.
 *
 * <p>The entity maps the file's description only: its bytes (column {@code content}) are never
 * loaded through JPA, which would hold the whole file in memory. {@link DocumentBytes} writes a
 * row, bytes and description together, and reads the bytes in chunks; JPA reads the descriptions
 * and removes rows.
 */
@Entity
@Table(name = "application_document")
@NamedQuery(
    name = ApplicationDocument.ONE,
    query =
        "SELECT d FROM ApplicationDocument d"
            + " WHERE d.applicationId = :applicationId AND d.type = :type")
@NamedQuery(
    name = ApplicationDocument.INFOS,
    query =
        "SELECT d.type, d.fileName, d.contentType, d.size, d.sha256, d.uploadedAt"
            + " FROM ApplicationDocument d WHERE d.applicationId = :applicationId")
@NamedQuery(
    name = ApplicationDocument.CONTENT,
    query =
        "SELECT d.id, d.version, d.type, d.fileName, d.contentType, d.size, d.sha256"
            + " FROM ApplicationDocument d"
            + " WHERE d.applicationId = :applicationId AND d.type = :type")
@NamedQuery(
    name = ApplicationDocument.TYPES,
    query = "SELECT d.type FROM ApplicationDocument d WHERE d.applicationId = :applicationId")
public class ApplicationDocument implements Serializable {

  static final String ONE = "ApplicationDocument.one";
  static final String INFOS = "ApplicationDocument.infos";
  static final String CONTENT = "ApplicationDocument.content";
  static final String TYPES = "ApplicationDocument.types";

  /** Longest kept file name. */
  static final int MAX_FILE_NAME = StoredFileName.MAX_LENGTH;

  private static final long serialVersionUID = 1L;

  /** From {@code application_document_seq}, given by {@link DocumentBytes} when it inserts. */
  @Id private Long id;

  @Version private long version;

  @Column(name = "application_id", nullable = false, updatable = false)
  private Long applicationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "document_type", nullable = false, updatable = false, length = 30)
  private DocumentType type;

  @Column(name = "file_name", nullable = false, length = MAX_FILE_NAME)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 50)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_at", nullable = false)
  private LocalDateTime uploadedAt;

  protected ApplicationDocument() {}

  /** The file name to keep and show ({@link StoredFileName#of}). */
  static String displayName(String fileName, DocumentFormat format) {
    return StoredFileName.of(fileName, format);
  }

  public DocumentType getType() {
    return type;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public LocalDateTime getUploadedAt() {
    return uploadedAt;
  }

  /** A row of {@link #INFOS}: the file without its bytes. */
  static DocumentInfo info(Object[] row) {
    return new DocumentInfo(
        (DocumentType) row[0],
        (String) row[1],
        (String) row[2],
        ((Number) row[3]).longValue(),
        (String) row[4],
        (LocalDateTime) row[5]);
  }

  /** A row of {@link #CONTENT}: the file, its bytes read from {@code bytes}. */
  static DocumentContent content(Object[] row, DocumentBytes bytes) {
    long id = ((Number) row[0]).longValue();
    long version = ((Number) row[1]).longValue();
    long size = ((Number) row[5]).longValue();
    return new DocumentContent(
        (DocumentType) row[2],
        (String) row[3],
        (String) row[4],
        size,
        (String) row[6],
        () -> bytes.read(id, version, size));
  }
}
