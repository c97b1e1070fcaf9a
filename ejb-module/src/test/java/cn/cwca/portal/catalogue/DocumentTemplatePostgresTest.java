package cn.cwca.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The uploaded templates' table (V21) and their bytes through a real PostgreSQL: a throwaway
 * database migrated with the application's migrations (see {@link ThrowawayDatabase}); skipped when
 * there is no server.
 */
class DocumentTemplatePostgresTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 8, 0);

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = ThrowawayDatabase.create("templates_test");
    dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @BeforeEach
  void noTemplates() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      sql.executeUpdate("DELETE FROM document_template");
    }
  }

  @Test
  void anUploadedTemplateIsStoredAndReadBackUnchanged() throws Exception {
    byte[] pdf = bytes("%PDF-1.4 the agreement");

    try (Connection c = dataSource.getConnection()) {
      long id = insert(c, DocumentType.SERVICE_AGREEMENT, pdf, sha256(pdf));

      assertArrayEquals(pdf, TemplateBytes.read(c, id));
    }
  }

  @Test
  void bytesThatAreNotTheCheckedOnesAreRefused() throws Exception {
    byte[] pdf = bytes("%PDF-1.4 the seal form");

    try (Connection c = dataSource.getConnection()) {
      IOException refused =
          assertThrows(
              IOException.class,
              () -> insert(c, DocumentType.SEAL_FORM, pdf, sha256(bytes("something else"))));
      assertTrue(refused.getMessage().contains("differs"), refused.getMessage());
    }
  }

  @Test
  void aDocumentTypeHasOneCurrentTemplateAtMost() throws Exception {
    byte[] first = bytes("%PDF-1.4 first");
    byte[] second = bytes("%PDF-1.4 second");

    try (Connection c = dataSource.getConnection()) {
      long firstId = insert(c, DocumentType.POWER_OF_ATTORNEY, first, sha256(first));
      assertThrows(
          SQLException.class,
          () -> insert(c, DocumentType.POWER_OF_ATTORNEY, second, sha256(second)));

      retire(c, firstId);
      long secondId = insert(c, DocumentType.POWER_OF_ATTORNEY, second, sha256(second));

      assertArrayEquals(first, TemplateBytes.read(c, firstId), "a retired row is kept");
      assertArrayEquals(second, TemplateBytes.read(c, secondId));
    }
  }

  @Test
  void theApplicationFormHasNoUploadedTemplate() throws Exception {
    byte[] pdf = bytes("%PDF-1.4 a form");

    try (Connection c = dataSource.getConnection()) {
      assertThrows(
          SQLException.class, () -> insert(c, DocumentType.APPLICATION_FORM, pdf, sha256(pdf)));
    }
  }

  @Test
  void aRetiredRowNamesWhoRetiredIt() throws Exception {
    byte[] pdf = bytes("%PDF-1.4 retired");

    try (Connection c = dataSource.getConnection()) {
      long id = insert(c, DocumentType.SEAL_FORM, pdf, sha256(pdf));
      try (PreparedStatement half =
          c.prepareStatement("UPDATE document_template SET retired_at = now() WHERE id = ?")) {
        half.setLong(1, id);
        assertThrows(SQLException.class, half::executeUpdate);
      }
      retire(c, id);
      try (Statement sql = c.createStatement();
          ResultSet row =
              sql.executeQuery("SELECT retired_by FROM document_template WHERE id = " + id)) {
        assertTrue(row.next());
        assertEquals("admin", row.getString(1));
      }
    }
  }

  private static long insert(Connection c, DocumentType type, byte[] content, String sha256)
      throws SQLException, IOException {
    return TemplateBytes.insert(
        c,
        type,
        type.name() + ".pdf",
        content.length,
        sha256,
        () -> new ByteArrayInputStream(content),
        NOW,
        "admin");
  }

  private static void retire(Connection c, long id) throws SQLException {
    try (PreparedStatement retire =
        c.prepareStatement(
            "UPDATE document_template SET retired_at = now(), retired_by = 'admin', version ="
                + " version + 1 WHERE id = ?")) {
      retire.setLong(1, id);
      assertEquals(1, retire.executeUpdate());
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
