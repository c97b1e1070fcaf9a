package cn.cwca.portal.catalogue;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * The template applicants download for a document type: the built-in one ({@code id} {@code null},
 * no uploader) or the PDF an administrator uploaded.
 *
 * @param id the {@code document_template} row; {@code null} for the built-in template
 * @param fileName the uploaded file's name, or the download's name of the built-in template
 * @param size in bytes
 * @param sha256 hex SHA-256 of the file
 * @param uploadedBy the administrator's login name; {@code null} for the built-in template
 * @param uploadedAt UTC; {@code null} for the built-in template
 */
public record TemplateInfo(
    DocumentType type,
    Long id,
    String fileName,
    long size,
    String sha256,
    String uploadedBy,
    LocalDateTime uploadedAt)
    implements Serializable {

  /** What the audit trail writes for the built-in template. */
  static final String BUILT_IN = "built-in";

  /** Whether it is the built-in template. */
  public boolean builtIn() {
    return id == null;
  }

  /** The size in KB, rounded up, as the page shows it. */
  public long sizeKb() {
    return (size + 1023) / 1024;
  }

  /** What the audit trail says of it: file name and SHA-256 ("built-in" first for the built-in). */
  String describe() {
    return builtIn() ? BUILT_IN + " " + describe(fileName, sha256) : describe(fileName, sha256);
  }

  static String describe(String fileName, String sha256) {
    return "\"" + fileName + "\" sha256 " + sha256;
  }
}
