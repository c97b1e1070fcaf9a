package cn.cwca.portal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.issuance.IssuanceService;
import cn.cwca.portal.issuance.MadeCertificate;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.x500.X500Principal;
import javax.sql.DataSource;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 制证 benchmark (issue "Review, 制证, delivery and 签收"): approved, paid courier orders are made by
 * an operator end to end inside the server, through the same {@link IssuanceService#makeAtOffice}
 * the office page calls: the order locked and checked, the request checked, the certificate signed
 * by the portal's CA (a P-256 key under {@code -P bench}), the registry row, the order's step to
 * 已制证 and its audit entry committed in one transaction. Each order has a key pair and request of
 * its own, made before the clock starts. Part of {@code mvn -P bench verify}; alone: {@code mvn -P
 * bench verify -Dit.test=OrderIssuanceBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
class OrderIssuanceBenchmark {

  private static final String SETTINGS_RESOURCE = "make-bench-settings.txt";
  private static final Path REPORT = Path.of("target", "bench", "make-report.txt").toAbsolutePath();

  /** {@code -Dbench.makes=20000}: orders made per figure (a further quarter warms up). */
  private static final int COUNT = Integer.getInteger("bench.makes", 20000);

  /** {@code -Dbench.makeThreads=2,8}: the client thread counts. */
  private static final String THREADS = System.getProperty("bench.makeThreads", "2,8");

  /** The goal on a 2-core machine, orders per second. */
  private static final int GOAL = 2000;

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.201");

  /** The benchmark's orders: 申请ID and owner start with it. */
  private static final String PREFIX = "BM";

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
            war.addAsResource(
                new StringAsset(REPORT + "\n" + COUNT + "\n" + THREADS + "\n"), SETTINGS_RESOURCE),
        OrderIssuanceBenchmark.class,
        CpuTime.class,
        Throughput.class,
        BenchSettings.class,
        BenchCallers.class,
        SwitchingCallers.class);
  }

  @EJB IssuanceService issuance;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @Resource ManagedThreadFactory threads;

  @Test
  void measureApprovedOrdersMadeEndToEnd() throws Exception {
    List<String> settings = BenchSettings.read(SETTINGS_RESOURCE);
    Path report = Path.of(settings.get(0));
    int count = Integer.parseInt(settings.get(1).strip());
    int[] threadCounts =
        Arrays.stream(settings.get(2).split(","))
            .mapToInt(t -> Integer.parseInt(t.strip()))
            .toArray();
    assertEquals(
        AuthenticationStatus.SUCCESS,
        SwitchingCallers.switchTo(security, request, BenchCallers.OPERATOR));
    try {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "制证 (approved order locked and checked, request checked, P-256 certificate signed,"
                  + " registry row + order step + audit entry committed in one transaction)%n"
                  + "  %s, %d cores; %,d orders per figure; goal %,d per second%n",
              CpuTime.cpuModel(),
              Runtime.getRuntime().availableProcessors(),
              count,
              GOAL));
      out.append(
          String.format(
              Locale.ROOT,
              "%-8s %12s %16s %8s%n",
              "threads",
              "orders/s",
              "CPU us (JVM+DB)",
              "goal"));
      make(batch("W", Math.max(500, count / 4)), 8); // warm-up: the JIT compiles the path
      for (int t : threadCounts) {
        Batch batch = batch("T", count);
        Throughput.Figure figure = make(batch, t);
        assertEquals(count, countMade(batch.run()), "every order is made, once");
        assertEquals(count, countCertificates(batch.run()), "one certificate per order");
        assertEquals(count, countAudited(batch.run()), "every 制证 is one audited step");
        out.append(
            String.format(
                Locale.ROOT,
                "%-8d %,12.0f %16s %8s%n",
                t,
                figure.perSecond(),
                figure.cpuMicros(),
                figure.perSecond() >= GOAL ? "met" : "MISSED"));
      }
      Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    } finally {
      removeOrders();
    }
  }

  @AfterAll
  static void printReport() throws Exception {
    if (Files.exists(REPORT)) {
      System.out.println();
      System.out.println(Files.readString(REPORT, StandardCharsets.UTF_8));
    }
  }

  private Throughput.Figure make(Batch batch, int threadCount) throws Exception {
    AtomicInteger wrong = new AtomicInteger();
    Throughput.Figure figure =
        Throughput.run(
            threads,
            threadCount,
            batch.orders().size(),
            n -> {
              MadeCertificate made =
                  issuance.makeAtOffice(
                      batch.orders().get(n), batch.requests().get(n), "BENCH-KEY", CLIENT);
              if (made.serialHex() == null || made.chainBase64().isEmpty()) {
                wrong.incrementAndGet();
              }
            });
    assertEquals(0, wrong.get(), "every order answered its certificate and chain");
    return figure;
  }

  /**
   * {@code n} approved courier orders of 新办, paid and with the reviewed subject of an organisation
   * of their own, made in bulk with SQL; and a P-256 key pair and request for each.
   */
  private Batch batch(String prefix, int n) throws Exception {
    // A 申请ID is 16 characters of A-Z and 2-7: the prefixes, 7 of chance and the order's 6 digits
    // written as the letters A-J
    StringBuilder chance = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 7; i++) {
      chance.append((char) ('A' + random.nextInt(26)));
    }
    String run = PREFIX + prefix + chance;
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into certificate_application (id, public_id, submission_token,"
              + " owner_login_name, user_type, wizard_step, service_type, years, further_paid_key,"
              + " agent_name, statement_accepted, user_info_confirmed, pickup_method,"
              + " handling_point_code, handling_point_name, handling_point_address, price,"
              + " key_amount, status, created_at, updated_at, submitted_at, paid_at, approved_at,"
              + " subject_name, subject_code_type, subject_code, subject_legal_representative,"
              + " subject_division_code, subject_province, subject_city)"
              + " select nextval('certificate_application_seq'), '"
              + run
              + "' || translate(lpad(g::text, 6, '0'), '0123456789', 'ABCDEFGHIJ'), md5('"
              + run
              + "' || g), '"
              + run
              + "-' || g, 'ORGANISATION', 'DOCUMENTS', 'NEW_OR_REPLACE', 1, true, '基准', true,"
              + " true, 'COURIER', 'SD_LIAOCHENG', '山东聊城办理点', '山东省聊城市', 300.00, 150.00,"
              + " 'APPROVED', now(), now(), now(), now(), now(),"
              + " '基准制证企业' || g || '有限公司', 'USCC', '91371500MA' || lpad(g::text, 8, '0'),"
              + " '张法人', '371502', '山东省', '聊城市'"
              + " from generate_series(1, "
              + n
              + ") g");
    }
    List<String> orders = new java.util.ArrayList<>(n);
    List<String> requests = new java.util.ArrayList<>(n);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    for (int g = 1; g <= n; g++) {
      orders.add(run + digitsAsLetters(g));
      KeyPair key = generator.generateKeyPair();
      requests.add(
          Base64.getEncoder()
              .encodeToString(
                  new JcaPKCS10CertificationRequestBuilder(
                          new X500Principal("CN=request"), key.getPublic())
                      .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()))
                      .getEncoded()));
    }
    runs.add(run);
    return new Batch(run, orders, requests);
  }

  private static String digitsAsLetters(int g) {
    StringBuilder letters = new StringBuilder(String.format(Locale.ROOT, "%06d", g));
    for (int i = 0; i < letters.length(); i++) {
      letters.setCharAt(i, (char) ('A' + letters.charAt(i) - '0'));
    }
    return letters.toString();
  }

  /** The orders of one figure, whose 申请ID start with {@code run}, and their requests. */
  private record Batch(String run, List<String> orders, List<String> requests) {}

  private long countMade(String run) throws Exception {
    return single(
        "select count(*) from certificate_application where public_id like '"
            + run
            + "%' and status = 'CERTIFICATE_MADE' and issued_serial_hex is not null");
  }

  private long countCertificates(String run) throws Exception {
    return single(
        "select count(*) from issued_certificate where owner_login_name like '" + run + "-%'");
  }

  private long countAudited(String run) throws Exception {
    return single(
        "select count(*) from audit_entry where action = '"
            + OrderEvent.MAKE_CERTIFICATE.auditAction()
            + "' and target like 'application:"
            + run
            + "%'");
  }

  /** The runs of this benchmark: their orders and certificates go afterwards. */
  private final List<String> runs = new java.util.ArrayList<>();

  /** The orders and certificates go, so that the next benchmark finds the database as it was. */
  private void removeOrders() throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement orders =
            c.prepareStatement("delete from certificate_application where public_id like ?");
        PreparedStatement certificates =
            c.prepareStatement("delete from issued_certificate where owner_login_name like ?")) {
      for (String run : runs) {
        orders.setString(1, run + "%");
        orders.executeUpdate();
        certificates.setString(1, run + "-%");
        certificates.executeUpdate();
      }
    }
  }

  private long single(String sql) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
