package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The review queue's first and filtered pages over as many orders as {@code QueuePagesBenchmark}
 * makes (20,000 organisations, one order in twenty waiting), in a {@link ThrowawayDatabase} without
 * the server: what {@link ReviewService#queue} sends for a page of 10 (the count, the page, the
 * applicants' names) through plain JDBC on one connection, so that PostgreSQL keeps its plans as it
 * does for the server's pool. Only on demand, since it writes a million rows: {@code mvn -o test
 * -pl ejb-module -am -Dtest=ReviewQueueVolumePostgresTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dqueue.volume=1000000}.
 */
@EnabledIfSystemProperty(named = "queue.volume", matches = "\\d+")
class ReviewQueueVolumePostgresTest {

  private static final int CALLS = 200;
  private static final int PAGE_SIZE = 10;
  private static final String REVIEWER = "bench-reviewer";

  @Test
  void theQueuePagesOverAMillionOrders() throws Exception {
    int orders = Integer.getInteger("queue.volume");
    ThrowawayDatabase database = ThrowawayDatabase.create("review_queue_volume_test");
    try {
      PGSimpleDataSource dataSource = database.dataSource();
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      long fillStart = System.nanoTime();
      try (Connection c = dataSource.getConnection()) {
        QueueOrders.fill(c, 20_000, orders);
      }
      double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
      Map<String, ReviewQueueFilter> figures = new LinkedHashMap<>();
      figures.put("审核 queue, first page", ReviewQueueFilter.NONE);
      figures.put(
          "审核 queue, 业务类型 + 用户类型",
          new ReviewQueueFilter(
              ServiceType.RENEW, AccountType.ORGANISATION, null, null, null, null));
      figures.put(
          "审核 queue, applicant's name",
          new ReviewQueueFilter(null, null, null, null, null, "企业0001"));
      figures.put(
          "审核 queue, applicant's code",
          new ReviewQueueFilter(null, null, null, null, null, "91BENCH0000000012"));
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "Review queue over %,d orders (filled in %.0f s), %d calls per figure%n",
              orders,
              fillSeconds,
              CALLS));
      try (Connection c = dataSource.getConnection()) {
        for (Map.Entry<String, ReviewQueueFilter> figure : figures.entrySet()) {
          ReviewQueueQuery query = ReviewQueueQuery.of(figure.getValue(), REVIEWER);
          String shape = "";
          for (int i = 0; i < CALLS / 10; i++) {
            shape = page(c, query);
          }
          double[] millis = new double[CALLS];
          for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            shape = page(c, query);
            millis[i] = (System.nanoTime() - start) / 1e6;
          }
          Arrays.sort(millis);
          assertFalse(shape.startsWith("0/"), figure.getKey() + " shows rows");
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %-34s %10s  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
                  figure.getKey(),
                  shape,
                  millis[CALLS / 2],
                  millis[(int) Math.ceil(CALLS * 0.95) - 1],
                  millis[CALLS - 1]));
        }
      }
      System.out.print(out);
      assertEquals(4, figures.size());
    } finally {
      database.drop();
    }
  }

  /** What the service sends for the first page: rows/total of the page ("10/1000+"). */
  private static String page(Connection c, ReviewQueueQuery query) throws SQLException {
    int countedUpTo = ReviewQueueQuery.countedUpTo(0, PAGE_SIZE);
    long counted = QueueOrders.count(c, query.count(countedUpTo + 1));
    List<String> owners = new ArrayList<>();
    try (PreparedStatement p = QueueOrders.prepared(c, "", query.page(0, PAGE_SIZE));
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        owners.add(rs.getString(3));
      }
    }
    List<String> distinct = owners.stream().distinct().toList();
    if (!distinct.isEmpty()) {
      // The applicants' names of the page, as EclipseLink sends ReviewService's JPQL.
      String markers = String.join(",", distinct.stream().map(o -> "?").toList());
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT login_name, display_name FROM account WHERE (login_name IN ("
                  + markers
                  + "))")) {
        for (int i = 0; i < distinct.size(); i++) {
          p.setString(i + 1, distinct.get(i));
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            rs.getString(2);
          }
        }
      }
    }
    return owners.size()
        + "/"
        + (counted > countedUpTo ? countedUpTo + "+" : Long.toString(counted));
  }
}
