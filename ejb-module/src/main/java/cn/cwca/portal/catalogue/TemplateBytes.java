package cn.cwca.portal.catalogue;

import cn.cwca.portal.document.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The bytes of the uploaded templates ({@code document_template.content}, bytea) with JDBC: written
 * from the checked upload's temporary file with {@code setBinaryStream(..., length)} (streamed to
 * the socket, as {@code DocumentBytes} writes the applicants' files), PostgreSQL computing the
 * SHA-256 of what it stored; read back whole, since a template is at most the upload limit and
 * never changes once written.
 */
final class TemplateBytes {

  private static final String INSERT =
      "INSERT INTO document_template (id, version, document_type, file_name, size_bytes, sha256,"
          + " content, uploaded_at, uploaded_by)"
          + " VALUES (nextval('document_template_seq'), 0, ?, ?, ?, ?, ?, ?, ?)"
          + " RETURNING id, encode(sha256(content), 'hex')";

  private static final String CONTENT = "SELECT content FROM document_template WHERE id = ?";

  private TemplateBytes() {}

  /**
   * Adds a row, in the connection's transaction.
   *
   * @param size the exact length of {@code content}
   * @param sha256 hex SHA-256 of {@code content}
   * @return the new row's id
   * @throws IOException when the content cannot be read, or the stored bytes are not the ones
   *     described (the caller must roll back)
   */
  static long insert(
      Connection connection,
      DocumentType type,
      String fileName,
      long size,
      String sha256,
      ContentSource content,
      LocalDateTime uploadedAt,
      String uploadedBy)
      throws SQLException, IOException {
    try (InputStream bytes = content.open();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, type.name());
      insert.setString(2, fileName);
      insert.setLong(3, size);
      insert.setString(4, sha256);
      insert.setBinaryStream(5, bytes, size);
      insert.setObject(6, uploadedAt);
      insert.setString(7, uploadedBy);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        if (!sha256.equalsIgnoreCase(row.getString(2))) {
          throw new IOException(
              "the stored template differs from the uploaded one (SHA-256 "
                  + row.getString(2)
                  + ", expected "
                  + sha256
                  + ")");
        }
        return row.getLong(1);
      }
    }
  }

  /** The bytes of a row. */
  static byte[] read(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(CONTENT)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("document template " + id + " does not exist");
        }
        return row.getBytes(1);
      }
    }
  }
}
