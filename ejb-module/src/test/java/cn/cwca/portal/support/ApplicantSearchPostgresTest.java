package cn.cwca.portal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * 查找申请人's queries, in the SQL EclipseLink makes of them, through a real PostgreSQL (a {@link
 * ThrowawayDatabase}; skipped when there is no server) with 30,000 applicants: a name prefix is
 * read in order from account_applicant_name_idx (V18), never by reading the table, and matches
 * typed wildcards as characters; a mobile number is found through account_mobile_per_type_uk.
 */
class ApplicantSearchPostgresTest {

  private static final int APPLICANTS = 30_000;

  private static final String NAME_PAGE =
      "SELECT id, display_name FROM account WHERE account_type <> ?"
          + " AND (LOWER(display_name) LIKE ? ESCAPE '!' OR login_name = ?)"
          + " ORDER BY LOWER(display_name), id LIMIT 20";

  private static final String BY_MOBILE =
      "SELECT id FROM account WHERE account_type IN (?, ?) AND mobile = ?"
          + " ORDER BY LOWER(display_name), id LIMIT 20";

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void applicants() throws SQLException {
    database = ThrowawayDatabase.create("applicant_search_test");
    dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      sql.execute(
          "INSERT INTO account (id, account_type, login_name, display_name, mobile, id_type,"
              + " legal_representative, password_hash, created_at, updated_at)"
              + " SELECT n, CASE WHEN n % 2 = 0 THEN 'ORGANISATION' ELSE 'NATURAL_PERSON' END,"
              + " 'L' || n, CASE WHEN n % 1000 = 0 THEN 'Liaocheng 100%_' || n"
              + " ELSE '机构' || md5(n::text) END, (13000000000 + n)::text,"
              + " CASE WHEN n % 2 = 0 THEN NULL ELSE 'RESIDENT_ID' END,"
              + " CASE WHEN n % 2 = 0 THEN '张三' ELSE NULL END, 'x', now(), now()"
              + " FROM generate_series(1, "
              + APPLICANTS
              + ") n");
      sql.execute("ANALYZE account");
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void aNamePrefixIsReadInOrderFromItsIndex() throws SQLException {
    String plan = plan(NAME_PAGE, "STAFF", "机构ab%", "机构AB");
    assertTrue(plan.contains("account_applicant_name_idx"), plan);
    assertTrue(!plan.contains("Seq Scan"), plan);
  }

  @Test
  void typedWildcardsMatchAsCharacters() throws SQLException {
    List<String> names =
        names(NAME_PAGE, "STAFF", ApplicantSearch.of("liaocheng 100%_").namePattern(), "-");
    assertEquals(20, names.size());
    assertTrue(names.stream().allMatch(n -> n.startsWith("Liaocheng 100%_")), names.toString());
    assertEquals(
        0,
        names(NAME_PAGE, "STAFF", ApplicantSearch.of("liaocheng 1000").namePattern(), "-").size());
  }

  @Test
  void aMobileNumberIsFoundThroughTheUniqueIndex() throws SQLException {
    String plan = plan(BY_MOBILE, "NATURAL_PERSON", "ORGANISATION", "13000012345");
    assertTrue(plan.contains("account_mobile_per_type_uk"), plan);
    assertTrue(!plan.contains("Seq Scan"), plan);
  }

  private static String plan(String query, String... parameters) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = dataSource.getConnection();
        PreparedStatement explain = c.prepareStatement("EXPLAIN " + query)) {
      for (int i = 0; i < parameters.length; i++) {
        explain.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static List<String> names(String query, String... parameters) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(2));
        }
      }
    }
    return names;
  }
}
