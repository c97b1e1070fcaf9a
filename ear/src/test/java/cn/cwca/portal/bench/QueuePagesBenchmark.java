package cn.cwca.portal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.progress.ProgressFilter;
import cn.cwca.portal.progress.ProgressService;
import cn.cwca.portal.review.ReviewQueueFilter;
import cn.cwca.portal.review.ReviewQueuePage;
import cn.cwca.portal.review.ReviewService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pages behind the review queue (审核) and 进度查询 with 1,000,000 orders in the database (issue
 * "Review, 制证, delivery and 签收"): each page's service call, the page of rows and its total, as the
 * lazy grids make it, for the first page and for a filtered page. 20,000 organisations hold 50
 * orders each; one in twenty orders waits for review. Part of {@code mvn -P bench verify}; alone:
 * {@code mvn -P bench verify -Dit.test=QueuePagesBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
class QueuePagesBenchmark {

  private static final String SETTINGS_RESOURCE = "queue-bench-settings.txt";
  private static final Path REPORT =
      Path.of("target", "bench", "queue-report.txt").toAbsolutePath();

  /** {@code -Dbench.orders=1000000}: the orders in the database. */
  private static final int ORDERS = Integer.getInteger("bench.orders", 1_000_000);

  /** Calls per figure (a further tenth warms up). */
  private static final int CALLS = 200;

  private static final int ACCOUNTS = 20_000;

  /** The goal: the 95th percentile of a page, milliseconds. */
  private static final double GOAL_MILLIS = 100;

  private static final int PAGE_SIZE = 10;

  @Deployment
  static EnterpriseArchive deployment() throws Exception {
    Files.createDirectories(REPORT.getParent());
    Files.deleteIfExists(REPORT);
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(),
        war -> war.addAsResource(new StringAsset(REPORT + "\n" + ORDERS + "\n"), SETTINGS_RESOURCE),
        QueuePagesBenchmark.class,
        CpuTime.class,
        BenchSettings.class,
        BenchCallers.class,
        SwitchingCallers.class);
  }

  @EJB ReviewService review;
  @EJB ProgressService progress;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @Test
  void measureTheFirstAndAFilteredPageOfEachGrid() throws Exception {
    List<String> settings = BenchSettings.read(SETTINGS_RESOURCE);
    Path report = Path.of(settings.get(0));
    int orders = Integer.parseInt(settings.get(1).strip());
    long start = System.nanoTime();
    long total = fill(orders);
    double fillSeconds = (System.nanoTime() - start) / 1e9;
    try {
      measure(report, orders, total, fillSeconds);
    } finally {
      removeFilled();
    }
  }

  private void measure(Path report, int orders, long total, double fillSeconds) throws Exception {

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Review queue and 进度查询 pages (rows and total, %d rows a page)%n  %s, %d cores; %,d"
                + " orders in the database (%,d added in %.0f s); %d calls per figure%n",
            PAGE_SIZE,
            CpuTime.cpuModel(),
            Runtime.getRuntime().availableProcessors(),
            total,
            orders,
            fillSeconds,
            CALLS));
    out.append(
        String.format(
            Locale.ROOT,
            "%-44s %10s %9s %9s %9s %6s%n",
            "page",
            "rows/total",
            "p50 ms",
            "p95 ms",
            "max ms",
            "goal"));

    switchTo(BenchCallers.REVIEWER);
    out.append(
        figure(
            "审核 queue, first page",
            () -> review.queue(ReviewQueueFilter.NONE, 0, PAGE_SIZE),
            QueuePagesBenchmark::reviewShape));
    ReviewQueueFilter byService =
        new ReviewQueueFilter(ServiceType.RENEW, AccountType.ORGANISATION, null, null, null, null);
    out.append(
        figure(
            "审核 queue, 业务类型 + 用户类型",
            () -> review.queue(byService, 0, PAGE_SIZE),
            QueuePagesBenchmark::reviewShape));
    ReviewQueueFilter byName = new ReviewQueueFilter(null, null, null, null, null, "企业0001");
    out.append(
        figure(
            "审核 queue, applicant's name",
            () -> review.queue(byName, 0, PAGE_SIZE),
            QueuePagesBenchmark::reviewShape));
    ReviewQueueFilter byCode =
        new ReviewQueueFilter(null, null, null, null, null, "91BENCH0000000012");
    out.append(
        figure(
            "审核 queue, applicant's code",
            () -> review.queue(byCode, 0, PAGE_SIZE),
            QueuePagesBenchmark::reviewShape));

    switchTo(BenchCallers.APPLICANT);
    out.append(
        figure(
            "进度查询, first page",
            () -> progress.page(0, PAGE_SIZE, null),
            p -> p.rows().size() + "/" + p.total()));
    ProgressFilter completed =
        new ProgressFilter(
            null, cn.cwca.portal.application.ReviewStatus.COMPLETED, null, null, null);
    out.append(
        figure(
            "进度查询, 审核状态",
            () -> progress.page(0, PAGE_SIZE, null, completed),
            p -> p.rows().size() + "/" + p.total()));
    Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void printReport() throws Exception {
    if (Files.exists(REPORT)) {
      System.out.println();
      System.out.println(Files.readString(REPORT, StandardCharsets.UTF_8));
    }
  }

  private <P> String figure(
      String name, Supplier<P> page, java.util.function.Function<P, String> shape) {
    P last = null;
    for (int i = 0; i < CALLS / 10; i++) {
      last = page.get();
    }
    double[] millis = new double[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      last = page.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double p95 = millis[(int) Math.ceil(CALLS * 0.95) - 1];
    String rows = shape.apply(last);
    assertFalse(rows.startsWith("0/"), name + " shows rows");
    return String.format(
        Locale.ROOT,
        "%-44s %10s %9.1f %9.1f %9.1f %6s%n",
        name,
        rows,
        millis[CALLS / 2],
        p95,
        millis[CALLS - 1],
        p95 < GOAL_MILLIS ? "met" : "MISSED");
  }

  /** Rows/total of a review page; "10/1000+" when the total is counted only so far. */
  private static String reviewShape(ReviewQueuePage page) {
    return page.rows().size() + "/" + page.total() + (page.totalExact() ? "" : "+");
  }

  private void switchTo(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS, SwitchingCallers.switchTo(security, request, caller));
  }

  /**
   * Makes the 20,000 organisations and their orders up to {@code orders} benchmark orders (once per
   * database), in bulk with SQL: one in twenty waits for review, the others are spread over the
   * other statuses (a hash of the order's number picks its status and service type), submitted one
   * a minute back from now; then ANALYZE.
   *
   * @return the orders in the database
   */
  private long fill(int orders) throws Exception {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      long existing =
          single(s, "select count(*) from certificate_application where public_id like 'BQ%'");
      if (existing < orders) {
        s.execute(
            "insert into account (id, account_type, login_name, display_name, mobile,"
                + " legal_representative, password_hash, created_at, updated_at)"
                + " select nextval('account_seq'), 'ORGANISATION',"
                + " '91BENCH' || lpad(g::text, 11, '0'), '基准企业' || lpad(g::text, 5, '0') ||"
                + " '有限公司', '139' || lpad(g::text, 8, '0'), '张三', 'not-a-hash', now(), now()"
                + " from generate_series(0, "
                + (ACCOUNTS - 1)
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
                + ACCOUNTS
                + ")::text, 11, '0'), 'ORGANISATION', 'DOCUMENTS',"
                + " (array['NEW_OR_REPLACE','RENEW','CHANGE','LOST','CHANGE_AND_RENEW',"
                + "'RENEW_AND_LOST'])[1 + abs(hashtext('t' || g)) % 6], 1, false, '基准', true, true, 'COURIER',"
                + " 'SD_LIAOCHENG', '山东聊城办理点', '山东省聊城市', 200.00, 0.00,"
                + " (array['AWAITING_REVIEW','COMPLETED','COMPLETED','COMPLETED','COMPLETED',"
                + "'COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED',"
                + "'COMPLETED','COMPLETED','COMPLETED','AWAITING_PAYMENT','CANCELLED','SHIPPED',"
                + "'COMPLETED','COMPLETED','COMPLETED'])[1 + abs(hashtext('s' || g)) % 20],"
                + " now() - (g || ' minutes')::interval, now(), now() - (g || ' minutes')::interval"
                + " from generate_series("
                + (existing + 1)
                + ", "
                + orders
                + ") g");
        s.execute("analyze account");
        s.execute("analyze certificate_application");
      }
      return single(s, "select count(*) from certificate_application");
    }
  }

  /**
   * The benchmark's orders and organisations go, so that the next benchmark finds the database as
   * it was.
   */
  private void removeFilled() throws Exception {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute("delete from certificate_application where public_id like 'BQ%'");
      s.execute("delete from account where login_name like '91BENCH%'");
    }
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
