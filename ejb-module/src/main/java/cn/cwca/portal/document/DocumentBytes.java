package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The bytes of the documents in PostgreSQL ({@code application_document.content}, bytea), streamed
 * both ways with JDBC so that a file is never held in memory as a whole: written with {@code
 * setBinaryStream(..., length)}, which the PostgreSQL driver copies from the stream to the socket,
 * and read in chunks of {@value #CHUNK_BYTES} bytes with {@code substring}, since the driver always
 * materialises a whole bytea value it reads (the column is stored uncompressed, {@code STORAGE
 * EXTERNAL}, so that a chunk reads only its part of the value).
 *
 * <p>A write is one row, description and bytes together, in the caller's transaction; PostgreSQL
 * computes the SHA-256 of the bytes it stored, and the write fails (so the transaction rolls back
 * and the previous file stays) unless it is the one the upload was checked with. A read is bound to
 * one version of the row: when the file is replaced or removed while it is read, the stream fails
 * rather than mix two files.
 */
final class DocumentBytes {

  /** The bytes read at a time: 512 KB. */
  static final int CHUNK_BYTES = 512 * 1024;

  private static final String CURRENT =
      "SELECT id FROM application_document"
          + " WHERE application_id = ? AND document_type = ? FOR UPDATE";

  private static final String INSERT =
      "INSERT INTO application_document (id, version, application_id, document_type, file_name,"
          + " content_type, size_bytes, sha256, content, uploaded_at)"
          + " VALUES (nextval('application_document_seq'), 1, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " RETURNING id, version, encode(sha256(content), 'hex')";

  private static final String UPDATE =
      "UPDATE application_document SET version = version + 1, file_name = ?, content_type = ?,"
          + " size_bytes = ?, sha256 = ?, content = ?, uploaded_at = ? WHERE id = ?"
          + " RETURNING id, version, encode(sha256(content), 'hex')";

  private static final String CHUNK =
      "SELECT substring(content FROM ? FOR ?) FROM application_document"
          + " WHERE id = ? AND version = ?";

  /** A row written. */
  record Written(long id, long version, boolean replaced) {}

  private final DataSource dataSource;
  private final int chunkBytes;

  DocumentBytes(DataSource dataSource) {
    this(dataSource, CHUNK_BYTES);
  }

  /** With another chunk size (tests). */
  DocumentBytes(DataSource dataSource, int chunkBytes) {
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("chunk size must be positive");
    }
    this.dataSource = Objects.requireNonNull(dataSource);
    this.chunkBytes = chunkBytes;
  }

  /**
   * Puts a file in place of the current file of its type, or adds it, in the connection's
   * transaction.
   *
   * @param fileName the name to keep, already cleaned
   * @param size the exact length of {@code content}
   * @param sha256 hex SHA-256 of {@code content}
   * @throws IOException when the content cannot be read, or the stored bytes are not the ones
   *     described (the caller must roll back)
   */
  static Written write(
      Connection connection,
      long applicationId,
      DocumentType type,
      String fileName,
      String contentType,
      long size,
      String sha256,
      ContentSource content,
      LocalDateTime uploadedAt)
      throws SQLException, IOException {
    Long current = null;
    try (PreparedStatement find = connection.prepareStatement(CURRENT)) {
      find.setLong(1, applicationId);
      find.setString(2, type.name());
      try (ResultSet row = find.executeQuery()) {
        if (row.next()) {
          current = row.getLong(1);
        }
      }
    }
    try (InputStream bytes = content.open();
        PreparedStatement write = connection.prepareStatement(current == null ? INSERT : UPDATE)) {
      int i = 1;
      if (current == null) {
        write.setLong(i++, applicationId);
        write.setString(i++, type.name());
      }
      write.setString(i++, fileName);
      write.setString(i++, contentType);
      write.setLong(i++, size);
      write.setString(i++, sha256);
      // With its length, the driver streams the parameter; without, it would buffer it.
      write.setBinaryStream(i++, bytes, size);
      write.setObject(i++, uploadedAt);
      if (current != null) {
        write.setLong(i, current);
      }
      try (ResultSet row = write.executeQuery()) {
        row.next();
        if (!sha256.equalsIgnoreCase(row.getString(3))) {
          throw new IOException(
              "the stored document differs from the uploaded one (SHA-256 "
                  + row.getString(3)
                  + ", expected "
                  + sha256
                  + ")");
        }
        return new Written(row.getLong(1), row.getLong(2), current != null);
      }
    }
  }

  /** The bytes of one version of a document, read in chunks as the stream is read. */
  InputStream read(long id, long version, long size) {
    return new Chunks(id, version, size);
  }

  private byte[] chunk(long id, long version, long from, int length) throws IOException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(CHUNK)) {
      // A bytea is at most 1 GB: its positions are integers, as substring takes them.
      select.setInt(1, Math.toIntExact(from + 1));
      select.setInt(2, length);
      select.setLong(3, id);
      select.setLong(4, version);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IOException(
              "document "
                  + id
                  + " was replaced or deleted while it was read (version "
                  + version
                  + ")");
        }
        byte[] bytes = row.getBytes(1);
        if (bytes == null || bytes.length == 0) {
          throw new IOException("document " + id + " ends before its size " + from);
        }
        return bytes;
      }
    } catch (SQLException e) {
      throw new IOException("document " + id + " could not be read", e);
    }
  }

  /** The stream of {@link #read}. */
  private final class Chunks extends InputStream {
    private final long id;
    private final long version;
    private final long size;
    private long position;
    private byte[] chunk = new byte[0];
    private int offset;

    Chunks(long id, long version, long size) {
      this.id = id;
      this.version = version;
      this.size = size;
    }

    @Override
    public int read() throws IOException {
      if (!fill()) {
        return -1;
      }
      return chunk[offset++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int length) throws IOException {
      Objects.checkFromIndexSize(off, length, buffer.length);
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, chunk.length - offset);
      System.arraycopy(chunk, offset, buffer, off, n);
      offset += n;
      return n;
    }

    @Override
    public int available() {
      return chunk.length - offset;
    }

    /** Whether there is a byte to read, fetching the next chunk when needed. */
    private boolean fill() throws IOException {
      if (offset < chunk.length) {
        return true;
      }
      if (position >= size) {
        return false;
      }
      int length = (int) Math.min(chunkBytes, size - position);
      chunk = chunk(id, version, position, length);
      offset = 0;
      position += chunk.length;
      return true;
    }
  }
}
