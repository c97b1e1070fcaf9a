package cn.cwca.portal.report;

import cn.cwca.portal.common.BeijingDays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Test-only: a year of orders for the dashboard's volume check and benchmark, written by plain SQL
 * ({@code generate_series}, a million orders in about a minute): submitted evenly over 365 Beijing
 * days from {@code firstDay}; the six service types in turn, every sixth free; of each hundred, 70
 * 已完成, 13 more approved and on their way, 4 waiting for review, 2 rejected, 5 waiting for payment,
 * 4 cancelled and 2 drafts; paid 0 to 6 hours after submission, approved 0 to 47 hours after
 * payment, completed 0 to 119 hours after approval. Their rows are told apart by the owner {@code
 * report-bench-*} and the payments' {@code created_by}.
 */
public final class BenchmarkOrders {

  /** Ids far above what the sequences give. */
  private static final long FIRST_ID = 900_000_000_000L;

  private static final String ORDERS =
      "INSERT INTO certificate_application (id, version, public_id, submission_token,"
          + " owner_login_name, user_type, wizard_step, service_type, years, pickup_method,"
          + " handling_point_code, price, key_amount, status, created_at, updated_at, submitted_at,"
          + " paid_at, approved_at, completed_at, cancelled_at)"
          + " SELECT ? + g.i, 0, 'RB' || lpad(g.i::text, 14, '0'), 'report-bench-' || g.i,"
          + "  'report-bench-' || g.i, 'ORGANISATION', 'DOCUMENTS', t.service_type, 1, 'COURIER',"
          + "  'SD_LIAOCHENG', t.price, 0, s.status, g.submitted, g.submitted,"
          + "  CASE WHEN s.status <> 'DRAFT' THEN g.submitted END,"
          + "  CASE WHEN s.paid THEN g.submitted + make_interval(hours => g.i % 7) END,"
          + "  CASE WHEN s.approved THEN g.submitted"
          + "   + make_interval(hours => g.i % 7 + (g.i * 7) % 48) END,"
          + "  CASE WHEN s.status = 'COMPLETED' THEN g.submitted"
          + "   + make_interval(hours => g.i % 7 + (g.i * 7) % 48 + (g.i * 13) % 120) END,"
          + "  CASE WHEN s.status = 'CANCELLED' THEN g.submitted + interval '1 day' END"
          + " FROM (SELECT i, ?::timestamp + i * ?::bigint * interval '1 millisecond' AS submitted"
          + "       FROM generate_series(0, ? - 1) i) g"
          + " CROSS JOIN LATERAL (SELECT (ARRAY['NEW_OR_REPLACE', 'RENEW', 'CHANGE', 'LOST',"
          + "   'CHANGE_AND_RENEW', 'RENEW_AND_LOST'])[g.i % 6 + 1] AS service_type,"
          + "   CASE WHEN g.i % 6 = 0 THEN 0.00 ELSE 100.00 + (g.i % 6) * 50 END AS price) t"
          + " CROSS JOIN LATERAL (SELECT CASE WHEN g.i % 100 < 70 THEN 'COMPLETED'"
          + "   WHEN g.i % 100 < 75 THEN 'SHIPPED' WHEN g.i % 100 < 78 THEN 'CERTIFICATE_MADE'"
          + "   WHEN g.i % 100 < 80 THEN 'AWAITING_PICKUP' WHEN g.i % 100 < 83 THEN 'APPROVED'"
          + "   WHEN g.i % 100 < 87 THEN 'AWAITING_REVIEW' WHEN g.i % 100 < 89 THEN 'REJECTED'"
          + "   WHEN g.i % 100 < 94 THEN 'AWAITING_PAYMENT' WHEN g.i % 100 < 98 THEN 'CANCELLED'"
          + "   ELSE 'DRAFT' END AS status, g.i % 100 < 89 AS paid, g.i % 100 < 83 AS approved) s";

  private static final String PAYMENTS =
      "INSERT INTO payment (id, version, application_id, channel, out_trade_no, amount, status,"
          + " expires_at, created_at, created_by, paid_amount, paid_at)"
          + " SELECT a.id, 0, a.id, 'SANDBOX', 'RB' || (a.id - ?), a.price, 'PAID',"
          + "  a.submitted_at + interval '2 hours', a.submitted_at, 'report-bench', a.price, a.paid_at"
          + " FROM certificate_application a"
          + " WHERE a.id >= ? AND a.price > 0 AND a.paid_at IS NOT NULL";

  private BenchmarkOrders() {}

  /**
   * Writes {@code orders} orders over the 365 Beijing days from {@code firstDay}, with their
   * payments, and vacuums both tables (the dashboard's index-only scans need the visibility map).
   * The connection is in auto-commit mode.
   */
  public static void fill(Connection c, int orders, LocalDate firstDay) throws SQLException {
    remove(c);
    long stepMillis = 365L * 86_400_000L / orders;
    try (PreparedStatement s = c.prepareStatement(ORDERS)) {
      s.setLong(1, FIRST_ID);
      s.setTimestamp(2, Timestamp.valueOf(BeijingDays.startUtc(firstDay)));
      s.setLong(3, stepMillis);
      s.setInt(4, orders);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(PAYMENTS)) {
      s.setLong(1, FIRST_ID);
      s.setLong(2, FIRST_ID);
      s.executeUpdate();
    }
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE certificate_application");
      s.execute("VACUUM ANALYZE payment");
    }
  }

  /** Removes the orders and payments of {@link #fill}. */
  public static void remove(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM payment WHERE created_by = 'report-bench'");
      s.executeUpdate(
          "DELETE FROM certificate_application WHERE owner_login_name LIKE 'report-bench-%'");
    }
  }
}
