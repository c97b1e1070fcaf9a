package cn.cwca.portal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.payment.IncomingNotification;
import cn.cwca.portal.payment.NotificationAnswer;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentNotifications;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi.NotifiedTransaction;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment notification benchmark (issue "Orders get paid and invoiced"): WeChat Pay
 * notifications, each verified (the platform's RSA signature), decrypted (AES-256-GCM) and settled
 * (payment paid, order 待审核, audit entry and log row committed in one transaction), through the same
 * {@link PaymentNotifications} the notification servlet calls, from several threads. Then every
 * notification is sent again: the replay must change nothing. Part of {@code mvn -P bench verify};
 * alone: {@code mvn -P bench verify -Dit.test=PaymentNotificationBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentNotificationBenchmark {

  private static final String SETTINGS_RESOURCE = "payment-bench-settings.txt";
  private static final Path REPORT =
      Path.of("target", "bench", "payment-report.txt").toAbsolutePath();

  /** {@code -Dbench.payments=20000}: notifications measured (a further tenth warms up). */
  private static final int COUNT = Integer.getInteger("bench.payments", 20000);

  /** {@code -Dbench.paymentThreads=2,8}: the client thread counts. */
  private static final String THREADS = System.getProperty("bench.paymentThreads", "8");

  /** The goal on a 2-core machine, notifications per second. */
  private static final int GOAL = 2000;

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.200");

  @Deployment
  static EnterpriseArchive deployment() throws Exception {
    Files.createDirectories(REPORT.getParent());
    Files.deleteIfExists(REPORT);
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        war ->
            war.addClass(FakeWechatPayApi.class)
                .addAsResource(
                    new StringAsset(REPORT + "\n" + COUNT + "\n" + THREADS + "\n"),
                    SETTINGS_RESOURCE),
        PaymentNotificationBenchmark.class,
        CpuTime.class,
        Throughput.class,
        BenchSettings.class);
  }

  @EJB PaymentNotifications notifications;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @Resource ManagedThreadFactory threads;

  @Test
  void measureNotificationsVerifiedDecryptedAndCommitted() throws Exception {
    List<String> settings = BenchSettings.read(SETTINGS_RESOURCE);
    Path report = Path.of(settings.get(0));
    int count = Integer.parseInt(settings.get(1).strip());
    int[] threads =
        java.util.Arrays.stream(settings.get(2).split(","))
            .mapToInt(t -> Integer.parseInt(t.strip()))
            .toArray();
    try (FakeWechatPayApi wechat = FakeWechatPayApi.start()) {
      configure(wechat);
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "Payment notifications (WeChat Pay: RSA signature verified, AES-256-GCM resource"
                  + " decrypted, payment + order + audit + log committed in one transaction)%n"
                  + "  %s, %d cores; %,d notifications per figure; goal %,d per second%n",
              CpuTime.cpuModel(),
              Runtime.getRuntime().availableProcessors(),
              count,
              GOAL));
      out.append(
          String.format(
              Locale.ROOT,
              "%-8s %14s %16s %14s %16s %8s%n",
              "threads",
              "first/s",
              "CPU us (JVM+DB)",
              "replayed/s",
              "CPU us (JVM+DB)",
              "goal"));
      settle(batch(wechat, "W", Math.max(500, count / 10)).notifications(), 8); // warm-up
      for (int t : threads) {
        Batch batch = batch(wechat, "T" + t, count);
        double first = settle(batch.notifications(), t);
        String firstCpu = lastCpu;
        long paid = countPaid(batch.run());
        long audited = countAudited(batch.run());
        double replayed = settle(batch.notifications(), t);
        assertEquals(count, paid, "every notification paid its order");
        assertEquals(count, audited, "every payment is one audited step");
        assertEquals(paid, countPaid(batch.run()), "the replay paid nothing more");
        assertEquals(audited, countAudited(batch.run()), "the replay wrote no step");
        assertEquals(count, countOutcome(batch.run(), "DUPLICATE"), "each replay is a duplicate");
        out.append(
            String.format(
                Locale.ROOT,
                "%-8d %,14.0f %16s %,14.0f %16s %8s%n",
                t,
                first,
                firstCpu,
                replayed,
                lastCpu,
                first >= GOAL ? "met" : "MISSED"));
      }
      Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    } finally {
      clearSettings();
    }
  }

  @AfterAll
  static void printReport() throws Exception {
    if (Files.exists(REPORT)) {
      System.out.println();
      System.out.println(Files.readString(REPORT, StandardCharsets.UTF_8));
    }
  }

  /** CPU microseconds per notification of the last settle: the server's JVM + PostgreSQL. */
  private String lastCpu;

  /** Settles the batch from {@code threadCount} threads; notifications per second. */
  private double settle(List<IncomingNotification> batch, int threadCount) throws Exception {
    AtomicInteger refused = new AtomicInteger();
    Throughput.Figure figure =
        Throughput.run(
            threads,
            threadCount,
            batch.size(),
            n -> {
              NotificationAnswer answer =
                  notifications.receive(PaymentChannel.WECHAT, batch.get(n), CLIENT);
              if (answer.status() != 200) {
                refused.incrementAndGet();
              }
            });
    lastCpu = figure.cpuMicros();
    assertEquals(0, refused.get(), "no notification was refused");
    return figure.perSecond();
  }

  /**
   * {@code n} orders waiting for payment, each with an open WeChat payment of 300 yuan whose 商户订单号
   * starts with the prefix, made in bulk; and the notifications that pay them.
   */
  private Batch batch(FakeWechatPayApi wechat, String prefix, int n) throws Exception {
    String run = prefix + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(
          "create temporary table bench_ids on commit drop as select g as n,"
              + " nextval('certificate_application_seq') as order_id,"
              + " nextval('payment_seq') as payment_id from generate_series(1, "
              + n
              + ") g");
      s.execute(
          "insert into certificate_application (id, public_id, submission_token,"
              + " owner_login_name, user_type, wizard_step, service_type, years, further_paid_key,"
              + " agent_name, statement_accepted, user_info_confirmed, pickup_method,"
              + " handling_point_code, handling_point_name, handling_point_address, price,"
              + " key_amount, status, created_at, updated_at, submitted_at)"
              + " select order_id, upper(substr(md5('"
              + run
              + "' || n), 1, 16)), md5('"
              + run
              + "t' || n), 'bench-' || n, 'ORGANISATION', 'DOCUMENTS', 'NEW_OR_REPLACE', 1, true,"
              + " '基准', true, true, 'COURIER', 'NX_YINCHUAN', '宁夏银川办理点', '宁夏回族自治区银川市',"
              + " 300.00, 150.00, 'AWAITING_PAYMENT', now(), now(), now() from bench_ids");
      s.execute(
          "insert into payment (id, application_id, channel, out_trade_no, amount, status,"
              + " expires_at, created_at, created_by)"
              + " select payment_id, order_id, 'WECHAT', '"
              + run
              + "' || n, 300.00, 'OPEN', now() + interval '1 hour', now(), 'bench' from bench_ids");
      c.commit();
      c.setAutoCommit(true);
    }
    List<IncomingNotification> batch = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      batch.add(wechat.notificationFor(NotifiedTransaction.paid(run + i, 30000)).incoming());
    }
    return new Batch(run, batch);
  }

  /** The notifications of one figure, whose 商户订单号 start with {@code run}. */
  private record Batch(String run, List<IncomingNotification> notifications) {}

  private long countPaid(String run) throws Exception {
    return single(
        "select count(*) from payment where status = 'PAID' and out_trade_no like '" + run + "%'");
  }

  private long countAudited(String run) throws Exception {
    return single(
        "select count(*) from audit_entry e join certificate_application a"
            + " on e.target = 'application:' || a.public_id join payment p"
            + " on p.application_id = a.id where e.action = 'order.pay'"
            + " and p.out_trade_no like '"
            + run
            + "%'");
  }

  private long countOutcome(String run, String outcome) throws Exception {
    return single(
        "select count(*) from payment_notification where outcome = '"
            + outcome
            + "' and out_trade_no like '"
            + run
            + "%'");
  }

  private long single(String sql) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static final List<String> KEYS =
      List.of(
          "caportal.payment.wechat.mchId",
          "caportal.payment.wechat.appId",
          "caportal.payment.wechat.merchantSerialNumber",
          "caportal.payment.wechat.merchantPrivateKeyFile",
          "caportal.payment.wechat.platformCertificateFile",
          "caportal.payment.wechat.apiBaseUrl",
          "caportal-wechat-apiv3-key");

  private static void configure(FakeWechatPayApi wechat) throws Exception {
    Path dir = Files.createTempDirectory("payment-bench");
    Path key = Files.writeString(dir.resolve("key.pem"), wechat.settings().merchantPrivateKeyPem());
    Path cert = Files.writeString(dir.resolve("platform.pem"), wechat.platformCertificatePem());
    System.setProperty(KEYS.get(0), FakeWechatPayApi.MCH_ID);
    System.setProperty(KEYS.get(1), FakeWechatPayApi.APP_ID);
    System.setProperty(KEYS.get(2), wechat.settings().merchantSerialNumber());
    System.setProperty(KEYS.get(3), key.toString());
    System.setProperty(KEYS.get(4), cert.toString());
    System.setProperty(KEYS.get(5), wechat.baseUri().toString());
    System.setProperty(KEYS.get(6), wechat.apiV3Key());
  }

  private static void clearSettings() {
    KEYS.forEach(System::clearProperty);
  }
}
