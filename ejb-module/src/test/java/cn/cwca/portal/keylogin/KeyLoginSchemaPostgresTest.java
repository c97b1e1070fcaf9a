package cn.cwca.portal.keylogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migration V19 on a real PostgreSQL (a {@link ThrowawayDatabase}; skipped when there is no
 * server): every staff role starts with the password alone, no other role has a policy, and a staff
 * member's bound certificate goes with their account.
 */
class KeyLoginSchemaPostgresTest {

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void migrate() throws SQLException {
    database = ThrowawayDatabase.create("key_login_schema_test");
    dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void everyStaffRoleStartsWithThePasswordAlone() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT string_agg(role, ',' ORDER BY role), bool_or(key_login_required)"
                    + " FROM role_policy")) {
      rows.next();
      assertEquals("ADMIN,FINANCE,OPERATOR,REVIEWER", rows.getString(1));
      assertEquals(false, rows.getBoolean(2));
    }
  }

  @Test
  void applicantsHaveNoLoginPolicy() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      assertThrows(
          SQLException.class,
          () ->
              sql.executeUpdate(
                  "INSERT INTO role_policy (role, version, key_login_required, updated_at)"
                      + " VALUES ('APPLICANT', 0, true, now())"));
    }
  }

  @Test
  void aBoundCertificateGoesWithItsAccount() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO account (id, version, account_type, login_name, display_name, mobile,"
              + " password_hash, created_at, updated_at) VALUES (nextval('account_seq'), 0,"
              + " 'STAFF', 'wang.finance', '王财务', '', 'x', now(), now())");
      sql.executeUpdate(
          "INSERT INTO staff_login_certificate (login_name, version, serial_hex, bound_by,"
              + " bound_at) VALUES ('wang.finance', 0, '7f01', 'admin', now())");
      assertThrows(
          SQLException.class,
          () ->
              sql.executeUpdate(
                  "INSERT INTO staff_login_certificate (login_name, version, serial_hex,"
                      + " bound_by, bound_at) VALUES ('nobody', 0, '7f02', 'admin', now())"));
      sql.executeUpdate("DELETE FROM account WHERE login_name = 'wang.finance'");
      try (ResultSet left = sql.executeQuery("SELECT count(*) FROM staff_login_certificate")) {
        left.next();
        assertEquals(0, left.getInt(1));
      }
    }
  }
}
