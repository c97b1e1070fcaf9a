package cn.cwca.portal.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The documents' bytes through a real PostgreSQL: a throwaway database of the server at {@code
 * portal.test.db.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code
 * portal.test.db.user}, default {@code postgres}), migrated with the application's migrations and
 * dropped afterwards; skipped when there is no server. The surefire execution {@code small-heap}
 * runs it in a JVM of 48 MB heap, smaller than the 64 MB file of the first test.
 */
class DocumentBytesPostgresTest {

  private static final long LARGE = 64L * 1024 * 1024;
  private static final AtomicLong APPLICATIONS = new AtomicLong(1000);

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = ThrowawayDatabase.create("uploads_stream_test");
    dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      // The bytes of the documents only: no applications are made here.
      sql.execute(
          "ALTER TABLE application_document DROP CONSTRAINT application_document_application_fk");
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void aFileLargerThanTheHeapIsStoredAndReadBackAsAStream() throws Exception {
    assumeTrue(
        Runtime.getRuntime().maxMemory() < LARGE,
        "proves something only with a heap smaller than the file (surefire execution small-heap)");
    long application = APPLICATIONS.incrementAndGet();
    String sha256 = GeneratedBytes.sha256(LARGE, 42);

    DocumentBytes.Written written =
        inTransaction(
            c ->
                DocumentBytes.write(
                    c,
                    application,
                    DocumentType.BUSINESS_LICENCE,
                    "营业执照.pdf",
                    "application/pdf",
                    LARGE,
                    sha256,
                    () -> new GeneratedBytes(LARGE, 42),
                    LocalDateTime.of(2026, 3, 1, 8, 0)));

    assertFalse(written.replaced());
    assertEquals(1, written.version());
    MessageDigest digest = DocumentUploadPolicy.sha256();
    long read = 0;
    try (InputStream stored = new DocumentBytes(dataSource).read(written.id(), 1, LARGE);
        InputStream expected = new GeneratedBytes(LARGE, 42)) {
      byte[] buffer = new byte[100_000];
      byte[] same = new byte[buffer.length];
      int n;
      while ((n = stored.read(buffer)) > 0) {
        assertEquals(n, expected.readNBytes(same, 0, n));
        assertTrue(java.util.Arrays.equals(buffer, 0, n, same, 0, n), "bytes at " + read);
        digest.update(buffer, 0, n);
        read += n;
      }
    }
    assertEquals(LARGE, read);
    assertEquals(sha256, HexFormat.of().formatHex(digest.digest()));
    assertEquals(
        LARGE, queryLong("SELECT octet_length(content) FROM application_document", written.id()));
  }

  @Test
  void aReplacementThatFailsWhileStreamingLeavesThePreviousFile() throws Exception {
    long application = APPLICATIONS.incrementAndGet();
    byte[] first = bytes(300_000, 1);
    DocumentBytes.Written stored = put(application, first, sha256(first));

    // The driver reports the stream's failure as an SQLException; the transaction rolls back.
    Exception broken =
        assertThrows(
            Exception.class,
            () ->
                inTransaction(
                    c ->
                        DocumentBytes.write(
                            c,
                            application,
                            DocumentType.AGENT_ID_COPY,
                            "new.png",
                            "image/png",
                            1_000_000,
                            "0".repeat(64),
                            () -> failingAfter(200_000),
                            LocalDateTime.now())));
    assertTrue(broken.getMessage() != null || broken.getCause() != null);

    assertArrayEquals(first, readAll(stored.id(), stored.version(), first.length));
    assertEquals(
        stored.version(), queryLong("SELECT version FROM application_document", stored.id()));
  }

  @Test
  void aFileIsStoredOnlyAsTheBytesThatWereChecked() throws Exception {
    long application = APPLICATIONS.incrementAndGet();
    byte[] content = bytes(10_000, 2);
    IOException differs =
        assertThrows(IOException.class, () -> put(application, content, sha256(new byte[] {1})));
    assertTrue(differs.getMessage().contains("differs"), differs.getMessage());
    assertEquals(
        0L,
        queryLong(
            "SELECT count(*) FROM application_document WHERE application_id = ?", application));
  }

  @Test
  void aReplacementIsANewVersionOfTheRowAndAReadOfTheOldOneFails() throws Exception {
    long application = APPLICATIONS.incrementAndGet();
    byte[] first = bytes(5_000, 3);
    byte[] second = bytes(7_000, 4);
    DocumentBytes.Written one = put(application, first, sha256(first));
    DocumentBytes small = new DocumentBytes(dataSource, 1024);

    try (InputStream reading = small.read(one.id(), one.version(), first.length)) {
      assertArrayEquals(java.util.Arrays.copyOf(first, 1024), reading.readNBytes(1024));
      DocumentBytes.Written two = put(application, second, sha256(second));
      assertTrue(two.replaced());
      assertEquals(one.id(), two.id());
      assertEquals(one.version() + 1, two.version());
      assertThrows(IOException.class, reading::read, "never half of one file and half of another");
    }
    DocumentBytes.Written current = new DocumentBytes.Written(one.id(), one.version() + 1, true);
    assertArrayEquals(second, readAll(current.id(), current.version(), second.length));
  }

  @Test
  void theSchemaKeepsTheBytesUncompressedAndAsLongAsTheRowSays() throws Exception {
    long application = APPLICATIONS.incrementAndGet();
    byte[] content = bytes(1_000, 5);
    DocumentBytes.Written stored = put(application, content, sha256(content));
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement();
        ResultSet storage =
            sql.executeQuery(
                "SELECT attstorage FROM pg_attribute WHERE attrelid = 'application_document'::regclass"
                    + " AND attname = 'content'")) {
      assertTrue(storage.next());
      assertEquals("e", storage.getString(1), "STORAGE EXTERNAL");
      assertThrows(
          SQLException.class,
          () ->
              sql.executeUpdate(
                  "UPDATE application_document SET size_bytes = size_bytes + 1 WHERE id = "
                      + stored.id()));
    }
  }

  // --- helpers ---

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException, IOException;
  }

  /** Runs {@code work} in a transaction, as the container does, rolling back on any failure. */
  private static <T> T inTransaction(Work<T> work) throws SQLException, IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static DocumentBytes.Written put(long application, byte[] content, String sha256)
      throws SQLException, IOException {
    return inTransaction(
        c ->
            DocumentBytes.write(
                c,
                application,
                DocumentType.AGENT_ID_COPY,
                "id.png",
                "image/png",
                content.length,
                sha256,
                () -> new ByteArrayInputStream(content),
                LocalDateTime.now()));
  }

  private static byte[] readAll(long id, long version, long size) throws IOException {
    try (InputStream in = new DocumentBytes(dataSource).read(id, version, size)) {
      return in.readAllBytes();
    }
  }

  private static long queryLong(String sql, long parameter) throws SQLException {
    String query = sql.contains("?") ? sql : sql + " WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(query)) {
      statement.setLong(1, parameter);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static InputStream failingAfter(long bytes) {
    return new InputStream() {
      private long read;

      @Override
      public int read() throws IOException {
        if (read++ >= bytes) {
          throw new IOException("the upload's temporary file became unreadable");
        }
        return 7;
      }
    };
  }

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] content) {
    return HexFormat.of().formatHex(DocumentUploadPolicy.sha256().digest(content));
  }
}
