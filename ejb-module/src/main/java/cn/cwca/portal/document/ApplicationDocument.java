package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Objects;

/**
 * 资料文件: the current file of one document type of an application, kept in the database (bytea) so
 * that every instance of a cluster serves it. Replacing the file updates this row. Times are UTC.
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
        "SELECT d.type, d.fileName, d.contentType, d.content FROM ApplicationDocument d"
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

  @Id
  @SequenceGenerator(
      name = "application_document_seq",
      sequenceName = "application_document_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_document_seq")
  private Long id;

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

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false)
  private byte[] content;

  @Column(name = "uploaded_at", nullable = false)
  private LocalDateTime uploadedAt;

  protected ApplicationDocument() {}

  ApplicationDocument(
      Long applicationId,
      DocumentType type,
      String fileName,
      DocumentFormat format,
      byte[] content,
      LocalDateTime now) {
    this.applicationId = Objects.requireNonNull(applicationId);
    this.type = Objects.requireNonNull(type);
    replace(fileName, format, content, now);
  }

  /** Puts a new file in place of the current one. */
  void replace(String newFileName, DocumentFormat format, byte[] newContent, LocalDateTime now) {
    // The lazy content first: with EclipseLink's weaving, writing an attribute that was not fetched
    // loads the
    // rest of the row, which would overwrite fields set before it.
    this.content = newContent.clone();
    this.fileName = displayName(newFileName, format);
    this.contentType = format.contentType();
    this.size = newContent.length;
    this.sha256 = sha256(newContent);
    this.uploadedAt = now;
  }

  /** The file name to keep and show ({@link StoredFileName#of}). */
  static String displayName(String fileName, DocumentFormat format) {
    return StoredFileName.of(fileName, format);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
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

  /** A row of {@link #CONTENT}: the file with its bytes. */
  static DocumentContent content(Object[] row) {
    return new DocumentContent(
        (DocumentType) row[0], (String) row[1], (String) row[2], (byte[]) row[3]);
  }

  DocumentInfo info() {
    return new DocumentInfo(type, fileName, contentType, size, sha256, uploadedAt);
  }
}
