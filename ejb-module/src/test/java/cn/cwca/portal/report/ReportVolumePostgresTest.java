package cn.cwca.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dashboard's queries over a year of orders in a {@link ThrowawayDatabase}, without the server:
 * a check of their plans and speed on the machine at hand before the benchmark ({@code
 * ReportsBenchmark}) measures them in the server. Only on demand, since it writes a million rows:
 * {@code mvn -o test -pl ejb-module -am -Dtest=ReportVolumePostgresTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreport.volume=1000000}.
 */
@EnabledIfSystemProperty(named = "report.volume", matches = "\\d+")
class ReportVolumePostgresTest {

  private static final int ROUNDS = 7;

  @Test
  void theDashboardOverAYearOfOrders() throws Exception {
    int orders = Integer.getInteger("report.volume");
    ThrowawayDatabase database = ThrowawayDatabase.create("report_volume_test");
    ExecutorService executor = Executors.newFixedThreadPool(3);
    try {
      PGSimpleDataSource dataSource = database.dataSource();
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      LocalDate first = LocalDate.of(2025, 1, 1);
      long fillStart = System.nanoTime();
      try (Connection c = dataSource.getConnection()) {
        BenchmarkOrders.fill(c, orders, first);
      }
      double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
      ReportRange year = new ReportRange(first, first.plusDays(364));
      List<Double> millis = new ArrayList<>();
      Dashboard dashboard = null;
      ReportQueries.dashboard(executor, dataSource, year); // warm-up
      for (int i = 0; i < ROUNDS; i++) {
        long start = System.nanoTime();
        dashboard = ReportQueries.dashboard(executor, dataSource, year);
        millis.add((System.nanoTime() - start) / 1e6);
      }
      assertEquals(orders - orders / 50, dashboard.orders().total(), "every order but drafts");
      Collections.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "Dashboard over %,d orders, a year's range: median %.0f ms, max %.0f ms"
              + " (%d rounds; filled in %.0f s)%n",
          orders,
          millis.get(ROUNDS / 2),
          millis.get(ROUNDS - 1),
          ROUNDS,
          fillSeconds);
    } finally {
      executor.shutdownNow();
      database.drop();
    }
  }
}
