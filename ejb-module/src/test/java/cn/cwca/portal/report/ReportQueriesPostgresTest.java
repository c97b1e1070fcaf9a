package cn.cwca.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dashboard's SQL through a real PostgreSQL (a {@link ThrowawayDatabase}; skipped when there is
 * no server): orders with known times (UTC, as stored) written before V17, which then records when
 * each was paid, give the expected counts, revenue, medians and 90th percentiles over Beijing days.
 * The range is 1 to 3 March 2026 in Beijing, [28 Feb 16:00, 3 Mar 16:00) in UTC.
 */
class ReportQueriesPostgresTest {

  private static final ReportRange RANGE =
      new ReportRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3));
  private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
  private static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;
  private static long nextId = 1;

  @BeforeAll
  static void ordersWithKnownTimes() throws SQLException {
    database = ThrowawayDatabase.create("report_queries_test");
    dataSource = database.dataSource();
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target(MigrationVersion.fromVersion("15"))
        .load()
        .migrate();
    try (Connection c = dataSource.getConnection()) {
      // 新办, free: submitted 1 Mar 00:30 Beijing, approved 2 h later, completed 24 h after that.
      long free =
          order(c, "NEW_OR_REPLACE", "COMPLETED", "0.00", utc(2, 28, 16, 30), utc(2, 28, 18, 30));
      completed(c, free, utc(3, 1, 18, 30));
      // 更新, 200: submitted 1 Mar 23:59, paid 2 Mar 00:59, approved 4 h later, completed 30 h later.
      long renewed = order(c, "RENEW", "COMPLETED", "200.00", utc(3, 1, 15, 59), utc(3, 1, 20, 59));
      payment(c, renewed, "PAID", "200.00", utc(3, 1, 16, 59));
      completed(c, renewed, utc(3, 3, 2, 59));
      // 更新, paid 2 Mar 00:10, waiting for review.
      long waiting = order(c, "RENEW", "AWAITING_REVIEW", "200.00", utc(3, 1, 16, 0), null);
      payment(c, waiting, "PAID", "200.00", utc(3, 1, 16, 10));
      // 变更: submitted and paid on 28 Feb (outside), approved 1 Mar 09:59:30, 10 h after payment.
      long before =
          order(c, "CHANGE", "APPROVED", "100.00", utc(2, 28, 15, 59), utc(3, 1, 1, 59, 30));
      payment(c, before, "PAID", "100.00", utc(2, 28, 15, 59, 30));
      // 变更 waiting for payment, its QR code still open.
      long unpaid = order(c, "CHANGE", "AWAITING_PAYMENT", "100.00", utc(3, 2, 1, 0), null);
      payment(c, unpaid, "OPEN", "100.00", null);
      // 丢失补办 cancelled, then paid anyway: money to refund, not revenue.
      long cancelled = order(c, "LOST", "CANCELLED", "100.00", utc(3, 2, 23, 0), null);
      payment(c, cancelled, "REFUND_PENDING", "100.00", utc(3, 3, 1, 0));
      // 更新 submitted 2 Mar 10:00, paid 3 Mar 00:30, approved 6 h later.
      long approved = order(c, "RENEW", "APPROVED", "200.00", utc(3, 2, 2, 0), utc(3, 2, 22, 30));
      payment(c, approved, "PAID", "200.00", utc(3, 2, 16, 30));
      // Marked paid by V6 without a payment row: no time of payment, left out of that figure.
      order(c, "RENEW", "APPROVED", "200.00", utc(3, 2, 3, 0), utc(3, 2, 4, 0));
      // A draft, and an order of 4 March in Beijing: neither counts.
      order(c, "RENEW", "DRAFT", "200.00", null, null);
      order(c, "RENEW", "AWAITING_PAYMENT", "200.00", utc(3, 3, 16, 0), null);
    }
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void ordersAreCountedOnTheirBeijingDayByServiceTypeAndStatus() throws SQLException {
    OrderCounts orders;
    try (Connection c = dataSource.getConnection()) {
      orders = ReportQueries.orders(c, RANGE);
    }
    assertEquals(7, orders.total());
    Map<ServiceType, Long> march1 = orders.perDayByServiceType().get(MARCH_1);
    assertEquals(1L, march1.get(ServiceType.NEW_OR_REPLACE));
    assertEquals(1L, march1.get(ServiceType.RENEW));
    assertEquals(0L, march1.get(ServiceType.CHANGE));
    Map<ServiceType, Long> march2 = orders.perDayByServiceType().get(MARCH_2);
    assertEquals(3L, march2.get(ServiceType.RENEW));
    assertEquals(1L, march2.get(ServiceType.CHANGE));
    assertEquals(1L, orders.perDayByServiceType().get(MARCH_3).get(ServiceType.LOST));
    assertEquals(List.of(MARCH_1, MARCH_2, MARCH_3), List.copyOf(orders.perDayByStatus().keySet()));
    assertEquals(2L, orders.perDayByStatus().get(MARCH_1).get(OrderStatus.COMPLETED));
    assertEquals(2L, orders.perDayByStatus().get(MARCH_2).get(OrderStatus.APPROVED));
    assertEquals(1L, orders.perDayByStatus().get(MARCH_3).get(OrderStatus.CANCELLED));
  }

  @Test
  void theOrdersOfTheRangeWaitingNowAreCountedPerStage() throws SQLException {
    Map<OrderStatus, Long> waiting;
    try (Connection c = dataSource.getConnection()) {
      waiting = ReportQueries.orders(c, RANGE).waiting();
    }
    assertEquals(OrderCounts.WAITING, List.copyOf(waiting.keySet()));
    assertEquals(1L, waiting.get(OrderStatus.AWAITING_PAYMENT));
    assertEquals(1L, waiting.get(OrderStatus.AWAITING_REVIEW));
    assertEquals(2L, waiting.get(OrderStatus.APPROVED)); // not the one submitted on 28 Feb
    assertEquals(0L, waiting.get(OrderStatus.SHIPPED));
  }

  @Test
  void revenueIsTheSettledPaymentsPerBeijingDayAndMonth() throws SQLException {
    Revenue revenue;
    try (Connection c = dataSource.getConnection()) {
      revenue = ReportQueries.revenue(c, RANGE);
    }
    assertEquals(
        List.of(
            new DayRevenue(MARCH_1, 0, BigDecimal.ZERO),
            new DayRevenue(MARCH_2, 2, new BigDecimal("400.00")),
            new DayRevenue(MARCH_3, 1, new BigDecimal("200.00"))),
        revenue.perDay());
    assertEquals(
        List.of(new MonthRevenue(YearMonth.of(2026, 3), 3, new BigDecimal("600.00"))),
        revenue.perMonth());
  }

  @Test
  void timeFromPaymentToApprovalHasItsMedianAndNinetiethPercentile() throws SQLException {
    LeadTime lead;
    try (Connection c = dataSource.getConnection()) {
      lead = ReportQueries.paymentToApproval(c, RANGE);
    }
    // 2 h, 4 h, 6 h and 10 h: the median halfway between 4 and 6, the 90th at 6 + 0.7 * 4.
    assertEquals(new Percentiles(4, hours(5), minutes(8 * 60 + 48)), lead.overall());
    assertEquals(
        List.of(
            new DayPercentiles(MARCH_1, new Percentiles(2, hours(6), minutes(9 * 60 + 12))),
            new DayPercentiles(MARCH_2, new Percentiles(1, hours(4), hours(4))),
            new DayPercentiles(MARCH_3, new Percentiles(1, hours(6), hours(6)))),
        lead.perDay());
  }

  @Test
  void timeFromApprovalToCompletionHasItsMedianAndNinetiethPercentile() throws SQLException {
    LeadTime lead;
    try (Connection c = dataSource.getConnection()) {
      lead = ReportQueries.approvalToCompletion(c, RANGE);
    }
    // 24 h and 30 h.
    assertEquals(new Percentiles(2, hours(27), minutes(29 * 60 + 24)), lead.overall());
    assertEquals(Percentiles.NONE, lead.perDay().get(0).percentiles());
    assertEquals(new Percentiles(1, hours(24), hours(24)), lead.perDay().get(1).percentiles());
    assertEquals(new Percentiles(1, hours(30), hours(30)), lead.perDay().get(2).percentiles());
  }

  @Test
  void aRangeWithoutOrdersHasZerosAndNoPercentiles() throws SQLException {
    ReportRange empty = new ReportRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2));
    try (Connection c = dataSource.getConnection()) {
      assertEquals(0, ReportQueries.orders(c, empty).total());
      assertEquals(BigDecimal.ZERO, ReportQueries.revenue(c, empty).total());
      LeadTime lead = ReportQueries.paymentToApproval(c, empty);
      assertEquals(Percentiles.NONE, lead.overall());
      assertNull(lead.perDay().get(1).percentiles().median());
    }
  }

  @Test
  void eachFigureIsAnIndexOnlyScanOfItsIndexInTheOrderOfItsDays() throws SQLException {
    Map<String, String> indexes =
        Map.of(
            ReportQueries.ORDERS, "certificate_application_report_submitted_idx",
            ReportQueries.REVENUE, "payment_report_paid_idx",
            ReportQueries.PAYMENT_TO_APPROVAL, "certificate_application_report_approved_idx",
            ReportQueries.APPROVAL_TO_COMPLETION, "certificate_application_report_completed_idx");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // A few rows would be read from the table; a year of orders is read from the index.
        s.execute("SET LOCAL enable_seqscan = off");
        s.execute("SET LOCAL enable_bitmapscan = off");
      }
      for (Map.Entry<String, String> query : indexes.entrySet()) {
        String plan = plan(c, query.getKey());
        assertTrue(plan.contains("Index Only Scan using " + query.getValue()), plan);
        assertFalse(plan.contains("Sort"), plan);
      }
      c.rollback();
    }
  }

  private static String plan(Connection c, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
      s.setObject(1, RANGE.from());
      s.setObject(2, RANGE.to());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  @Test
  void v17RecordsWhenThePaidOrdersWerePaid() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT status, price, paid_at FROM certificate_application"
                    + " WHERE status <> 'DRAFT' ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        String status = rs.getString(1);
        Timestamp paidAt = rs.getTimestamp(3);
        if (status.equals("AWAITING_PAYMENT") || status.equals("CANCELLED")) {
          assertNull(paidAt, status);
        }
      }
      assertEquals(9, rows);
    }
    assertEquals(utc(2, 28, 16, 30), paidAt(1)); // free: its submission
    assertEquals(utc(3, 1, 16, 59), paidAt(2)); // its settled payment
    assertNull(paidAt(8)); // marked paid without a payment
  }

  private static LocalDateTime paidAt(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT paid_at FROM certificate_application WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? null : t.toLocalDateTime();
      }
    }
  }

  /** An order as V15 stores it; the id in the order of the calls, from 1. */
  private static long order(
      Connection c,
      String serviceType,
      String status,
      String price,
      LocalDateTime submitted,
      LocalDateTime approved)
      throws SQLException {
    long id = nextId++;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO certificate_application (id, version, public_id, submission_token,"
                + " owner_login_name, user_type, wizard_step, service_type, years, pickup_method,"
                + " handling_point_code, price, status, created_at, updated_at, submitted_at,"
                + " approved_at) VALUES (?, 0, ?, ?, ?, 'ORGANISATION', 'DOCUMENTS', ?, 1,"
                + " 'COURIER', 'SD_LIAOCHENG', ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, "REPORT" + id);
      s.setString(3, "report-token-" + id);
      s.setString(4, "report-owner-" + id);
      s.setString(5, serviceType);
      s.setBigDecimal(6, new BigDecimal(price));
      s.setString(7, status);
      Timestamp created = Timestamp.valueOf(submitted == null ? utc(3, 2, 0, 0) : submitted);
      s.setTimestamp(8, created);
      s.setTimestamp(9, created);
      s.setTimestamp(10, submitted == null ? null : Timestamp.valueOf(submitted));
      s.setTimestamp(11, approved == null ? null : Timestamp.valueOf(approved));
      s.executeUpdate();
    }
    return id;
  }

  private static void completed(Connection c, long order, LocalDateTime at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE certificate_application SET completed_at = ? WHERE id = ?")) {
      s.setTimestamp(1, Timestamp.valueOf(at));
      s.setLong(2, order);
      s.executeUpdate();
    }
  }

  private static void payment(
      Connection c, long order, String status, String amount, LocalDateTime paidAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO payment (id, version, application_id, channel, out_trade_no, amount,"
                + " status, expires_at, created_at, created_by, paid_amount, paid_at)"
                + " VALUES (?, 0, ?, 'SANDBOX', ?, ?, ?, ?, ?, 'report-test', ?, ?)")) {
      s.setLong(1, order);
      s.setLong(2, order);
      s.setString(3, "REPORT" + order);
      s.setBigDecimal(4, new BigDecimal(amount));
      s.setString(5, status);
      s.setTimestamp(6, Timestamp.valueOf(utc(3, 10, 0, 0)));
      s.setTimestamp(7, Timestamp.valueOf(utc(2, 1, 0, 0)));
      s.setBigDecimal(8, paidAt == null ? null : new BigDecimal(amount));
      s.setTimestamp(9, paidAt == null ? null : Timestamp.valueOf(paidAt));
      s.executeUpdate();
    }
  }

  private static LocalDateTime utc(int month, int day, int hour, int minute) {
    return LocalDateTime.of(2026, month, day, hour, minute);
  }

  private static LocalDateTime utc(int month, int day, int hour, int minute, int second) {
    return LocalDateTime.of(2026, month, day, hour, minute, second);
  }

  private static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }
}
