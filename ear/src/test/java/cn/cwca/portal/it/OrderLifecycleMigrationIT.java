package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration to the order lifecycle (V6) on a database the previous schema (V5) filled: orders
 * in every old status, with review opinions, waybills, invoice numbers and documents, come through
 * with their status mapped, their data moved to the new tables, and nothing lost. Runs Flyway on a
 * database of its own on the test PostgreSQL server, with the migrations the EAR ships.
 */
class OrderLifecycleMigrationIT {

  private static final String DATABASE = System.getProperty("it.db.name", "caportal_it") + "_v4";
  private static final LocalDateTime SUBMITTED = LocalDateTime.of(2026, 11, 2, 9, 30);
  private static final LocalDateTime UPDATED = LocalDateTime.of(2026, 11, 20, 16, 0);

  private static Connection db;

  /** The old (review_status, payment_status) of each order, by 申请ID. */
  private static final Map<String, String[]> OLD = new HashMap<>();

  @BeforeAll
  static void aDatabaseFilledByThePreviousSchema() throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
    }
    db = connect(DATABASE);
    flyway().target("5").load().migrate();
    insertOrder("DRAFTAAAAAAAAAAA", "DRAFT", "UNPAID", null, null, null, null, null);
    insertOrder("UNPAIDAAAAAAAAAA", "PENDING", "UNPAID", "500.00", null, null, null, null);
    insertOrder("FREEAAAAAAAAAAAA", "PENDING", "PAID", "0.00", null, null, null, null);
    insertOrder("APPROVEDAAAAAAAA", "APPROVED", "PAID", "300.00", "资料齐全", null, null, null);
    insertOrder("REJECTEDAAAAAAAA", "REJECTED", "PAID", "300.00", "营业执照不清晰", null, null, null);
    insertOrder("REJECTEDNOOPINIO", "REJECTED", "PAID", "300.00", null, null, null, null);
    insertOrder("CANCELLEDAAAAAAA", "CANCELLED", "UNPAID", "700.00", null, null, null, null);
    insertOrder(
        "COMPLETEDAAAAAAA",
        "COMPLETED",
        "PAID",
        "500.00",
        "通过",
        "顺丰速运",
        "SF1234567890123",
        "12345678901234567890");
    insertOrder("PICKUPAAAAAAAAAA", "AWAITING_PICKUP", "PAID", "0.00", null, null, null, null);
    insertDocument("UNPAIDAAAAAAAAAA", "APPLICATION_FORM");
    insertDocument("COMPLETEDAAAAAAA", "AGENT_ID_COPY");
    insertDocument("DRAFTAAAAAAAAAAA", "SERVICE_AGREEMENT");
    flyway().load().migrate();
  }

  @AfterAll
  static void dropTheDatabase() throws SQLException {
    if (db != null) {
      db.close();
    }
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
  }

  @Test
  void everyOrderIsKeptWithItsStatusMappedToTheLifecycle() throws SQLException {
    Map<String, String> expected =
        Map.of(
            "DRAFTAAAAAAAAAAA", "DRAFT",
            "UNPAIDAAAAAAAAAA", "AWAITING_PAYMENT",
            "FREEAAAAAAAAAAAA", "AWAITING_REVIEW",
            "APPROVEDAAAAAAAA", "APPROVED",
            "REJECTEDAAAAAAAA", "REJECTED",
            "REJECTEDNOOPINIO", "REJECTED",
            "CANCELLEDAAAAAAA", "CANCELLED",
            "COMPLETEDAAAAAAA", "COMPLETED",
            "PICKUPAAAAAAAAAA", "AWAITING_PICKUP");
    Map<String, String> actual = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select public_id, status from certificate_application")) {
      while (rs.next()) {
        actual.put(rs.getString(1), rs.getString(2));
      }
    }
    assertEquals(expected, actual);
    assertEquals(OLD.size(), actual.size());
  }

  @Test
  void theReviewOpinionsBecomeDecisionsOfTheFirstRound() throws SQLException {
    List<String> rows =
        strings(
            "select a.public_id || ':' || d.decision || ':' || d.opinion || ':' || d.round"
                + " || ':' || d.reviewer from review_decision d"
                + " join certificate_application a on a.id = d.application_id order by a.public_id");
    assertEquals(
        List.of(
            "APPROVEDAAAAAAAA:APPROVE:资料齐全:1:migration",
            "COMPLETEDAAAAAAA:APPROVE:通过:1:migration",
            "REJECTEDAAAAAAAA:REJECT:营业执照不清晰:1:migration",
            "REJECTEDNOOPINIO:REJECT:-:1:migration"),
        rows);
  }

  @Test
  void theWaybillAndTheInvoiceNumberMoveToTheirTables() throws SQLException {
    assertEquals(
        List.of("COMPLETEDAAAAAAA:顺丰速运:SF1234567890123"),
        strings(
            "select a.public_id || ':' || s.courier_company || ':' || s.waybill_number"
                + " from shipment s join certificate_application a on a.id = s.application_id"
                + " where s.superseded_at is null"));
    assertEquals(
        List.of("COMPLETEDAAAAAAA:12345678901234567890:BLUE:ISSUED:500.00"),
        strings(
            "select a.public_id || ':' || i.invoice_number || ':' || i.kind || ':' || i.status"
                + " || ':' || i.amount from invoice i"
                + " join certificate_application a on a.id = i.application_id"));
  }

  @Test
  void theDocumentsStayWithTheirOrders() throws SQLException {
    assertEquals(
        List.of(
            "COMPLETEDAAAAAAA:AGENT_ID_COPY:3",
            "DRAFTAAAAAAAAAAA:SERVICE_AGREEMENT:3",
            "UNPAIDAAAAAAAAAA:APPLICATION_FORM:3"),
        strings(
            "select a.public_id || ':' || d.document_type || ':' || length(d.content)"
                + " from application_document d"
                + " join certificate_application a on a.id = d.application_id order by 1"));
  }

  @Test
  void theKeysPartOfAFurtherKeysPriceIsKeptWithTheOrder() throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement(
            "select price, key_amount, completed_at from certificate_application"
                + " where public_id = ?")) {
      p.setString(1, "UNPAIDAAAAAAAAAA");
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        assertEquals(new BigDecimal("500.00"), rs.getBigDecimal(1));
        assertEquals(new BigDecimal("150.00"), rs.getBigDecimal(2), "新办, further key, 2 years");
        assertNull(rs.getTimestamp(3));
      }
      p.setString(1, "COMPLETEDAAAAAAA");
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        assertEquals(Timestamp.valueOf(UPDATED), rs.getTimestamp(3));
      }
    }
  }

  @Test
  void theOldColumnsAreGoneAndTheNewRulesHold() throws SQLException {
    assertEquals(
        List.of(),
        strings(
            "select column_name from information_schema.columns"
                + " where table_name = 'certificate_application' and column_name in"
                + " ('review_status', 'payment_status', 'review_opinion', 'waybill_number',"
                + " 'invoice_number', 'invoice_url', 'courier_company')"));
    SQLException secondDraft =
        assertThrows(
            SQLException.class,
            () -> insertOrder("DRAFTBBBBBBBBBBB", null, null, null, null, null, null, null));
    assertEquals("23505", secondDraft.getSQLState(), "one open draft per applicant");
    assertNotNull(strings("select 1 from pg_indexes where indexname = 'payment_one_paid_uk'"));
    assertTrue(
        strings("select version from flyway_schema_history where success order by installed_rank")
            .contains("6"));
  }

  // ---------------------------------------------------------------------------------------------

  /** Flyway with the migrations the EAR ships (the EJB module's db/migration). */
  private static FluentConfiguration flyway() {
    String password = System.getenv("CAPORTAL_IT_DB_PASSWORD");
    return Flyway.configure()
        .dataSource(
            System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/") + DATABASE,
            System.getProperty("it.db.user", "postgres"),
            password == null ? "" : password)
        .locations("classpath:db/migration");
  }

  /**
   * An order as the previous schema stored it (the new schema's own columns when {@code
   * reviewStatus} is null: a second draft of the same applicant, to check the new index).
   */
  private static void insertOrder(
      String publicId,
      String reviewStatus,
      String paymentStatus,
      String price,
      String opinion,
      String courier,
      String waybill,
      String invoice)
      throws SQLException {
    boolean draft = reviewStatus == null || reviewStatus.equals("DRAFT");
    String sql =
        reviewStatus == null
            ? "insert into certificate_application (id, public_id, submission_token,"
                + " owner_login_name, user_type, wizard_step, status, created_at, updated_at)"
                + " values (nextval('certificate_application_seq'), ?, ?, '370102198001017775',"
                + " 'NATURAL_PERSON', 'CERTIFICATE_INFORMATION', 'DRAFT', ?, ?)"
            : "insert into certificate_application (id, public_id, submission_token,"
                + " owner_login_name, user_type, wizard_step, service_type, years,"
                + " further_paid_key, pickup_method, handling_point_code, handling_point_name,"
                + " handling_point_address, price, review_status, review_opinion,"
                + " payment_status, courier_company, waybill_number, invoice_number,"
                + " created_at, updated_at, submitted_at, cancelled_at)"
                + " values (nextval('certificate_application_seq'), ?, ?, '370102198001017775',"
                + " 'NATURAL_PERSON', 'DOCUMENTS', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, publicId);
      p.setString(2, (publicId + "0000000000000000").substring(0, 32));
      if (reviewStatus == null) {
        p.setTimestamp(3, Timestamp.valueOf(SUBMITTED));
        p.setTimestamp(4, Timestamp.valueOf(UPDATED));
      } else {
        boolean further = price != null && new BigDecimal(price).signum() > 0;
        p.setString(3, draft ? null : "NEW_OR_REPLACE");
        p.setObject(4, draft ? null : 2);
        p.setBoolean(5, further);
        p.setString(
            6, draft ? null : reviewStatus.equals("AWAITING_PICKUP") ? "PICKUP" : "COURIER");
        p.setString(7, draft ? null : further ? "NX_YINCHUAN" : "SD_LIAOCHENG");
        p.setString(8, draft ? null : further ? "宁夏银川办理点" : "山东聊城办理点");
        p.setString(9, draft ? null : further ? "宁夏回族自治区银川市" : "山东省聊城市");
        p.setBigDecimal(10, price == null ? null : new BigDecimal(price));
        p.setString(11, reviewStatus);
        p.setString(12, opinion);
        p.setString(13, paymentStatus);
        p.setString(14, courier);
        p.setString(15, waybill);
        p.setString(16, invoice);
        p.setTimestamp(17, Timestamp.valueOf(SUBMITTED));
        p.setTimestamp(18, Timestamp.valueOf(UPDATED));
        p.setTimestamp(19, draft ? null : Timestamp.valueOf(SUBMITTED));
        p.setTimestamp(20, reviewStatus.equals("CANCELLED") ? Timestamp.valueOf(UPDATED) : null);
        OLD.put(publicId, new String[] {reviewStatus, paymentStatus});
      }
      p.executeUpdate();
    }
  }

  private static void insertDocument(String publicId, String type) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement(
            "insert into application_document (id, application_id, document_type, file_name,"
                + " content_type, size_bytes, sha256, content, uploaded_at)"
                + " select nextval('application_document_seq'), id, ?, 'scan.pdf',"
                + " 'application/pdf', 3, repeat('0', 64), ?, ? from certificate_application"
                + " where public_id = ?")) {
      p.setString(1, type);
      p.setBytes(2, new byte[] {1, 2, 3});
      p.setTimestamp(3, Timestamp.valueOf(SUBMITTED));
      p.setString(4, publicId);
      assertEquals(1, p.executeUpdate());
    }
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static Connection connect(String database) throws SQLException {
    String password = System.getenv("CAPORTAL_IT_DB_PASSWORD");
    return DriverManager.getConnection(
        System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/") + database,
        System.getProperty("it.db.user", "postgres"),
        password == null ? "" : password);
  }
}
