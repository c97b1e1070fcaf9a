package cn.cwca.portal.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: organisations and their orders in bulk, as {@code QueuePagesBenchmark} makes them (one
 * in twenty orders waits for review, submitted one a minute back from now), and the queue's
 * statements run through plain JDBC as the service runs them.
 */
final class QueueOrders {

  private QueueOrders() {}

  /** {@code accounts} organisations 91BENCH..., 基准企业NNNNN有限公司, and orders 1 to {@code orders}. */
  static void fill(Connection c, int accounts, int orders) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "insert into account (id, account_type, login_name, display_name, mobile,"
              + " legal_representative, password_hash, created_at, updated_at)"
              + " select nextval('account_seq'), 'ORGANISATION',"
              + " '91BENCH' || lpad(g::text, 11, '0'), '基准企业' || lpad(g::text, 5, '0') ||"
              + " '有限公司', '139' || lpad(g::text, 8, '0'), '张三', 'not-a-hash', now(), now()"
              + " from generate_series(0, "
              + (accounts - 1)
              + ") g on conflict do nothing");
      s.execute(
          "insert into certificate_application (id, public_id, submission_token,"
              + " owner_login_name, user_type, wizard_step, service_type, years,"
              + " further_paid_key, agent_name, statement_accepted, user_info_confirmed,"
              + " pickup_method, handling_point_code, handling_point_name,"
              + " handling_point_address, price, key_amount, status, created_at, updated_at,"
              + " submitted_at)"
              + " select nextval('certificate_application_seq'), 'BQ' || lpad(g::text, 14, '0'),"
              + " md5('bq' || g), '91BENCH' || lpad((g % "
              + accounts
              + ")::text, 11, '0'), 'ORGANISATION', 'DOCUMENTS',"
              + " (array['NEW_OR_REPLACE','RENEW','CHANGE','LOST','CHANGE_AND_RENEW',"
              + "'RENEW_AND_LOST'])[1 + abs(hashtext('t' || g)) % 6], 1, false, '基准', true, true, 'COURIER',"
              + " 'SD_LIAOCHENG', '山东聊城办理点', '山东省聊城市', 200.00, 0.00,"
              + " (array['AWAITING_REVIEW','COMPLETED','COMPLETED','COMPLETED','COMPLETED',"
              + "'COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED',"
              + "'COMPLETED','COMPLETED','COMPLETED','AWAITING_PAYMENT','CANCELLED','SHIPPED',"
              + "'COMPLETED','COMPLETED','COMPLETED'])[1 + abs(hashtext('s' || g)) % 20],"
              + " now() - (g || ' minutes')::interval, now(), now() - (g || ' minutes')::interval"
              + " from generate_series(1, "
              + orders
              + ") g");
      s.execute("analyze account");
      s.execute("analyze certificate_application");
    }
  }

  /** The statement as JDBC takes it: {@code ?1}, {@code ?2}, ... become {@code ?}. */
  static PreparedStatement prepared(Connection c, String prefix, ReviewQueueQuery.Sql sql)
      throws SQLException {
    PreparedStatement p = c.prepareStatement(prefix + sql.text().replaceAll("\\?\\d+", "?"));
    for (int i = 0; i < sql.parameters().size(); i++) {
      p.setObject(i + 1, sql.parameters().get(i));
    }
    return p;
  }

  /** The page's 申请IDs, in order. */
  static List<String> ids(Connection c, ReviewQueueQuery.Sql page) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement p = prepared(c, "", page);
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** The count's result. */
  static long count(Connection c, ReviewQueueQuery.Sql count) throws SQLException {
    try (PreparedStatement p = prepared(c, "", count);
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The plan PostgreSQL makes of the statement. */
  static String plan(Connection c, ReviewQueueQuery.Sql sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement p = prepared(c, "EXPLAIN ", sql);
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
