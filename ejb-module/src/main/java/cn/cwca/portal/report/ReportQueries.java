package cn.cwca.portal.report;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's SQL, one aggregate query per figure, each reading one index of V17 only. A row's
 * Beijing day is found by {@code width_bucket} among the UTC starts of the range's days, which
 * {@link ReportRange#dayBoundsUtc()} computes with {@code BeijingDays}: the same days as every
 * other date filter of the portal, and cheaper per row than converting each time zone in SQL (about
 * half the time of a query over a year of orders). Bucket {@code i} is the range's day {@code i},
 * from 1.
 */
final class ReportQueries {

  private static final String ORDERS =
      "SELECT width_bucket(submitted_at, ?) AS day, service_type, status, count(*)"
          + " FROM certificate_application"
          + " WHERE status <> 'DRAFT' AND submitted_at >= ? AND submitted_at < ?"
          + " GROUP BY 1, 2, 3";

  private static final String REVENUE =
      "SELECT width_bucket(paid_at, ?) AS day, count(*), sum(paid_amount)"
          + " FROM payment"
          + " WHERE status = 'PAID' AND paid_at >= ? AND paid_at < ?"
          + " GROUP BY 1";

  /**
   * Lead times per day and, in the row whose day is null (the empty grouping set: width_bucket is
   * never null for a time within the range), over the whole range. Seconds as double precision:
   * sorting them is the bulk of the work, and numbers sort faster than intervals.
   */
  private static final String LEAD_TIME =
      "SELECT width_bucket(%2$s, ?) AS day, count(*),"
          + " percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP"
          + " (ORDER BY date_part('epoch', %2$s - %1$s))"
          + " FROM certificate_application"
          + " WHERE %2$s >= ? AND %2$s < ? AND %1$s IS NOT NULL"
          + " GROUP BY GROUPING SETS ((1), ())";

  private static final String PAYMENT_TO_APPROVAL =
      String.format(LEAD_TIME, "paid_at", "approved_at");

  private static final String APPROVAL_TO_COMPLETION =
      String.format(LEAD_TIME, "approved_at", "completed_at");

  private ReportQueries() {}

  static OrderCounts orders(Connection c, ReportRange range) throws SQLException {
    List<OrderCount> counts = new ArrayList<>();
    try (PreparedStatement s = prepare(c, ORDERS, range);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        counts.add(
            new OrderCount(
                day(range, rs.getInt(1)),
                ServiceType.valueOf(rs.getString(2)),
                OrderStatus.valueOf(rs.getString(3)),
                rs.getLong(4)));
      }
    }
    return new OrderCounts(range, counts);
  }

  static Revenue revenue(Connection c, ReportRange range) throws SQLException {
    Map<LocalDate, DayRevenue> found = new HashMap<>();
    try (PreparedStatement s = prepare(c, REVENUE, range);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        LocalDate day = day(range, rs.getInt(1));
        found.put(day, new DayRevenue(day, rs.getLong(2), rs.getBigDecimal(3)));
      }
    }
    List<DayRevenue> perDay = new ArrayList<>(range.days());
    for (LocalDate day : range.dayList()) {
      perDay.add(found.getOrDefault(day, new DayRevenue(day, 0, BigDecimal.ZERO)));
    }
    return new Revenue(range, perDay);
  }

  static LeadTime paymentToApproval(Connection c, ReportRange range) throws SQLException {
    return leadTime(c, PAYMENT_TO_APPROVAL, range);
  }

  static LeadTime approvalToCompletion(Connection c, ReportRange range) throws SQLException {
    return leadTime(c, APPROVAL_TO_COMPLETION, range);
  }

  private static LeadTime leadTime(Connection c, String sql, ReportRange range)
      throws SQLException {
    Map<LocalDate, Percentiles> found = new HashMap<>();
    Percentiles overall = Percentiles.NONE;
    try (PreparedStatement s = prepare(c, sql, range);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        int bucket = rs.getInt(1);
        boolean wholeRange = rs.wasNull();
        long orders = rs.getLong(2);
        Percentiles p = Percentiles.NONE;
        Array array = rs.getArray(3);
        if (orders > 0 && array != null) {
          Object[] values = (Object[]) array.getArray();
          p =
              Percentiles.ofSeconds(
                  orders, ((Number) values[0]).doubleValue(), ((Number) values[1]).doubleValue());
        }
        if (wholeRange) {
          overall = p;
        } else {
          found.put(day(range, bucket), p);
        }
      }
    }
    List<DayPercentiles> perDay = new ArrayList<>(range.days());
    for (LocalDate day : range.dayList()) {
      perDay.add(new DayPercentiles(day, found.getOrDefault(day, Percentiles.NONE)));
    }
    return new LeadTime(range, overall, perDay);
  }

  /** The statement with the day bounds and the range's start and end bound. */
  private static PreparedStatement prepare(Connection c, String sql, ReportRange range)
      throws SQLException {
    List<LocalDateTime> bounds = range.dayBoundsUtc();
    Timestamp[] starts = new Timestamp[bounds.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = Timestamp.valueOf(bounds.get(i));
    }
    PreparedStatement s = c.prepareStatement(sql);
    try {
      s.setArray(1, c.createArrayOf("timestamp", starts));
      s.setTimestamp(2, Timestamp.valueOf(range.fromUtc()));
      s.setTimestamp(3, Timestamp.valueOf(range.untilUtc()));
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  private static LocalDate day(ReportRange range, int bucket) {
    if (bucket < 1 || bucket > range.days()) {
      throw new IllegalStateException("day " + bucket + " outside " + range);
    }
    return range.from().plusDays(bucket - 1L);
  }
}
