package cn.cwca.portal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.it.report.ReportCallers;
import cn.cwca.portal.report.BenchmarkOrders;
import cn.cwca.portal.report.Dashboard;
import cn.cwca.portal.report.ReportRange;
import cn.cwca.portal.report.ReportService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reports benchmark (issue 13, "The staff console"): a year of orders (a million by default,
 * written by plain SQL in {@link BenchmarkOrders}, in 2011 where no test writes), then the
 * dashboard's service call over that year as the 系统管理员's page makes it ({@link
 * ReportService#dashboard}: every figure, its four queries at once), in several rounds after a
 * warm-up; median and maximum. The orders are removed afterwards. Part of {@code mvn -P bench
 * verify}; alone: {@code mvn -P bench verify -Dit.test=ReportsBenchmark
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsBenchmark {

  private static final String SETTINGS_RESOURCE = "reports-bench-settings.txt";
  private static final Path REPORT =
      Path.of("target", "bench", "reports-report.txt").toAbsolutePath();

  /** {@code -Dbench.reportOrders=1000000}: the orders of the year. */
  private static final int ORDERS = Integer.getInteger("bench.reportOrders", 1_000_000);

  /** {@code -Dbench.reportRounds=7}: the measured calls. */
  private static final int ROUNDS = Integer.getInteger("bench.reportRounds", 7);

  /** The goal on a 2-core machine, milliseconds. */
  private static final int GOAL_MILLIS = 1000;

  private static final LocalDate FIRST_DAY = LocalDate.of(2011, 1, 1);

  @Deployment
  static EnterpriseArchive deployment() throws Exception {
    Files.createDirectories(REPORT.getParent());
    Files.deleteIfExists(REPORT);
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(),
        war ->
            war.addAsResource(
                new StringAsset(REPORT + "\n" + ORDERS + "\n" + ROUNDS + "\n"), SETTINGS_RESOURCE),
        ReportsBenchmark.class,
        CpuTime.class,
        BenchSettings.class,
        BenchmarkOrders.class,
        ReportCallers.class,
        SwitchingCallers.class);
  }

  @EJB ReportService reports;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @Test
  void measureTheDashboardOverAYearOfOrders() throws Exception {
    List<String> settings = BenchSettings.read(SETTINGS_RESOURCE);
    Path report = Path.of(settings.get(0));
    int orders = Integer.parseInt(settings.get(1).strip());
    int rounds = Integer.parseInt(settings.get(2).strip());
    ReportRange year = new ReportRange(FIRST_DAY, FIRST_DAY.plusDays(364));
    try {
      long fillStart = System.nanoTime();
      try (Connection c = database.getConnection()) {
        BenchmarkOrders.fill(c, orders, FIRST_DAY);
      }
      double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

      reports.dashboard(year); // warm-up: plans, caches, the connection pool
      List<Double> millis = new ArrayList<>();
      Dashboard dashboard = null;
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        dashboard = reports.dashboard(year);
        millis.add((System.nanoTime() - start) / 1e6);
      }
      assertEquals(orders - orders / 50, dashboard.orders().total(), "every order but drafts");
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      double median = sorted.get(rounds / 2);
      double max = sorted.get(rounds - 1);
      String out =
          String.format(
              Locale.ROOT,
              "Reports dashboard (ReportService.dashboard: orders per day by service type and status,"
                  + " orders waiting, revenue per day and month, median and 90th percentile of two"
                  + " lead times)%n"
                  + "  %s, %d cores; %,d orders over a year (written in %.0f s), a year's range;"
                  + " goal < %,d ms%n"
                  + "  rounds (ms): %s%n"
                  + "  median %.0f ms, max %.0f ms: %s%n",
              CpuTime.cpuModel(),
              Runtime.getRuntime().availableProcessors(),
              orders,
              fillSeconds,
              GOAL_MILLIS,
              millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList(),
              median,
              max,
              median < GOAL_MILLIS ? "met" : "MISSED");
      Files.writeString(report, out, StandardCharsets.UTF_8);
    } finally {
      try (Connection c = database.getConnection()) {
        BenchmarkOrders.remove(c);
      }
    }
  }

  @AfterAll
  static void printReport() throws Exception {
    if (Files.exists(REPORT)) {
      System.out.println();
      System.out.println(Files.readString(REPORT, StandardCharsets.UTF_8));
    }
  }
}
