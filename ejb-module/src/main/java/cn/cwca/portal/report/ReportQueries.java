package cn.cwca.portal.report;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * The dashboard's SQL, one aggregate query per figure, each an index-only scan of its V17 index in
 * the order of its days, grouped without a sort. A row's day is its Beijing day (Asia/Shanghai, the
 * zone of {@code BeijingDays}), in the very expression of the index ({@link #beijingDay}), so that
 * PostgreSQL matches the two.
 */
final class ReportQueries {

  /**
   * The lead times sort every duration of the range once more for the whole range: up to a million
   * numbers, sorted in memory rather than in temporary files.
   */
  private static final String SORT_MEMORY = "SET LOCAL work_mem = '64MB'";

  static final String ORDERS =
      "SELECT "
          + beijingDay("submitted_at")
          + " AS day, service_type, status, count(*)"
          + " FROM certificate_application"
          + " WHERE status <> 'DRAFT' AND "
          + beijingDay("submitted_at")
          + " BETWEEN ? AND ?"
          + " GROUP BY 1, 2, 3";

  static final String REVENUE =
      "SELECT "
          + beijingDay("paid_at")
          + " AS day, count(*), sum(paid_amount)"
          + " FROM payment"
          + " WHERE status = 'PAID' AND "
          + beijingDay("paid_at")
          + " BETWEEN ? AND ?"
          + " GROUP BY 1";

  /**
   * Lead times per day and, in the row without a day (the empty grouping set), over the whole
   * range. Seconds as double precision: sorting them is the bulk of the work, and numbers sort
   * faster than intervals.
   */
  private static final String LEAD_TIME =
      "SELECT %3$s AS day, count(*),"
          + " percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP"
          + " (ORDER BY date_part('epoch', %2$s - %1$s))"
          + " FROM certificate_application"
          + " WHERE %2$s IS NOT NULL AND %1$s IS NOT NULL AND %3$s BETWEEN ? AND ?"
          + " GROUP BY GROUPING SETS ((1), ())";

  static final String PAYMENT_TO_APPROVAL =
      String.format(LEAD_TIME, "paid_at", "approved_at", beijingDay("approved_at"));

  static final String APPROVAL_TO_COMPLETION =
      String.format(LEAD_TIME, "approved_at", "completed_at", beijingDay("completed_at"));

  private ReportQueries() {}

  /** A figure read on a connection. */
  @FunctionalInterface
  interface Figure<T> {
    T read(Connection c, ReportRange range) throws SQLException;
  }

  /**
   * Every figure of the range. The four queries run at once, each on a connection of its own (three
   * on the executor's threads, the revenue on the caller's): each is a single-threaded scan and
   * aggregate in PostgreSQL, and together they use the cores the database has.
   */
  static Dashboard dashboard(ExecutorService executor, DataSource dataSource, ReportRange range)
      throws SQLException, InterruptedException {
    List<Future<?>> started = new ArrayList<>();
    try {
      Future<OrderCounts> orders =
          start(started, executor, dataSource, ReportQueries::orders, range);
      Future<LeadTime> toApproval =
          start(started, executor, dataSource, ReportQueries::paymentToApproval, range);
      Future<LeadTime> toCompletion =
          start(started, executor, dataSource, ReportQueries::approvalToCompletion, range);
      Revenue revenue = read(dataSource, ReportQueries::revenue, range);
      return new Dashboard(
          range, result(orders), revenue, result(toApproval), result(toCompletion));
    } finally {
      for (Future<?> f : started) {
        f.cancel(true);
      }
    }
  }

  /** A figure read on a connection of its own. */
  static <T> T read(DataSource dataSource, Figure<T> figure, ReportRange range)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return figure.read(c, range);
    }
  }

  private static <T> Future<T> start(
      List<Future<?>> started,
      ExecutorService executor,
      DataSource dataSource,
      Figure<T> figure,
      ReportRange range) {
    Future<T> f = executor.submit(() -> read(dataSource, figure, range));
    started.add(f);
    return f;
  }

  private static <T> T result(Future<T> figure) throws SQLException, InterruptedException {
    try {
      return figure.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  static OrderCounts orders(Connection c, ReportRange range) throws SQLException {
    List<OrderCount> counts = new ArrayList<>();
    try (PreparedStatement s = prepare(c, ORDERS, range);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        counts.add(
            new OrderCount(
                rs.getObject(1, LocalDate.class),
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
        LocalDate day = rs.getObject(1, LocalDate.class);
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
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement settings = c.createStatement();
        PreparedStatement s = prepare(c, sql, range)) {
      settings.execute(SORT_MEMORY);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          LocalDate day = rs.getObject(1, LocalDate.class);
          long orders = rs.getLong(2);
          Percentiles p = Percentiles.NONE;
          Array array = rs.getArray(3);
          if (orders > 0 && array != null) {
            Object[] values = (Object[]) array.getArray();
            p =
                Percentiles.ofSeconds(
                    orders, ((Number) values[0]).doubleValue(), ((Number) values[1]).doubleValue());
          }
          if (day == null) {
            overall = p;
          } else {
            found.put(day, p);
          }
        }
      }
    } finally {
      c.rollback(); // read only: nothing to keep but the setting, which ends with it
      c.setAutoCommit(autoCommit);
    }
    List<DayPercentiles> perDay = new ArrayList<>(range.days());
    for (LocalDate day : range.dayList()) {
      perDay.add(new DayPercentiles(day, found.getOrDefault(day, Percentiles.NONE)));
    }
    return new LeadTime(range, overall, perDay);
  }

  /** The statement with the range's first and last day. */
  private static PreparedStatement prepare(Connection c, String sql, ReportRange range)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    s.setObject(1, range.from());
    s.setObject(2, range.to());
    return s;
  }

  /** The Beijing day of a UTC time column, as the V17 indexes write it. */
  static String beijingDay(String column) {
    return "(((" + column + " AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date)";
  }
}
