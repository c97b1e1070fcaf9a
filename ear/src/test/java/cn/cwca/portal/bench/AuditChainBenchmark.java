package cn.cwca.portal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.audit.AuditTrail;
import cn.cwca.portal.audit.AuditVerdict;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain's benchmark (issue "The staff console"): entries appended from concurrent
 * transactions, one entry per transaction (the common case: a business step records one entry),
 * through {@link AuditLog#record}, measured twice: until every transaction committed, and until the
 * last entry was chained (after its commit, by the chainer); then 校验 ({@link AuditTrail#verify})
 * over a chain of 1,000,000 entries. Part of {@code mvn -P bench verify}; alone: {@code mvn -P
 * bench verify -Dit.test=AuditChainBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainBenchmark {

  private static final String SETTINGS_RESOURCE = "audit-bench-settings.txt";
  private static final Path REPORT =
      Path.of("target", "bench", "audit-report.txt").toAbsolutePath();

  /** {@code -Dbench.auditAppends=20000}: appends per figure (a further tenth warms up). */
  private static final int APPENDS = Integer.getInteger("bench.auditAppends", 20000);

  /** {@code -Dbench.auditThreads=1,8}: the client thread counts of the append figures. */
  private static final String THREADS = System.getProperty("bench.auditThreads", "1,8");

  /** {@code -Dbench.auditEntries=1000000}: the length of the chain 校验 walks. */
  private static final int CHAIN = Integer.getInteger("bench.auditEntries", 1_000_000);

  /** The goals: appends per second from 8 threads; 校验 of 1,000,000 entries, seconds. */
  private static final int APPEND_GOAL = 5000;

  private static final double VERIFY_GOAL_SECONDS = 10;

  private static final int VERIFY_ROUNDS = 3;

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.201");

  @Deployment
  static EnterpriseArchive deployment() throws Exception {
    Files.createDirectories(REPORT.getParent());
    Files.deleteIfExists(REPORT);
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(),
        war ->
            war.addAsResource(
                new StringAsset(REPORT + "\n" + APPENDS + "\n" + THREADS + "\n" + CHAIN + "\n"),
                SETTINGS_RESOURCE),
        AuditChainBenchmark.class,
        CpuTime.class,
        Throughput.class,
        BenchSettings.class,
        BenchCallers.class,
        SwitchingCallers.class);
  }

  @EJB AuditLog audit;
  @EJB AuditTrail trail;

  @Inject UserTransaction tx;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @Resource ManagedThreadFactory threads;

  @Test
  void measureChainedAppendsAndVerification() throws Exception {
    List<String> settings = BenchSettings.read(SETTINGS_RESOURCE);
    Path report = Path.of(settings.get(0));
    int appends = Integer.parseInt(settings.get(1).strip());
    int[] threadCounts =
        Arrays.stream(settings.get(2).split(","))
            .mapToInt(t -> Integer.parseInt(t.strip()))
            .toArray();
    int chain = Integer.parseInt(settings.get(3).strip());

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Audit chain: appends (one entry per transaction, chained by the one-second timer) and"
                + " 校验%n  %s, %d cores%n",
            CpuTime.cpuModel(),
            Runtime.getRuntime().availableProcessors()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-8s %14s %14s %16s %8s%n",
            "threads",
            "committed/s",
            "chained/s",
            "CPU us (JVM+DB)",
            "goal"));
    append(Math.max(500, appends / 10), 8, "warm-up");
    for (int t : threadCounts) {
      double rate = append(appends, t, "T" + t);
      out.append(
          String.format(
              Locale.ROOT,
              "%-8d %,14.0f %,14.0f %16s %8s%n",
              t,
              lastCommitRate,
              rate,
              lastCpu,
              t < 8 ? "" : rate >= APPEND_GOAL ? "met" : "MISSED"));
    }

    long existing = chainedEntries();
    long toAdd = Math.max(0, chain - existing);
    long fillStart = System.nanoTime();
    fillUnchained(toAdd);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    long chainStart = System.nanoTime();
    trail.signHeadNow();
    double chainSeconds = (System.nanoTime() - chainStart) / 1e9;
    out.append(
        String.format(
            Locale.ROOT,
            "%n%,d entries written unchained in %.1f s, then chained and the head signed in %.1f s"
                + " (%,.0f entries/s)%n",
            toAdd,
            fillSeconds,
            chainSeconds,
            toAdd / chainSeconds));

    double[] seconds = new double[VERIFY_ROUNDS];
    AuditVerdict verdict = null;
    for (int round = 0; round < VERIFY_ROUNDS; round++) {
      long start = System.nanoTime();
      verdict = trail.verify();
      seconds[round] = (System.nanoTime() - start) / 1e9;
      assertTrue(verdict.intact(), verdict.toString());
    }
    Arrays.sort(seconds);
    double median = seconds[VERIFY_ROUNDS / 2];
    out.append(
        String.format(
            Locale.ROOT,
            "校验 of %,d entries: median %.2f s (%.2f to %.2f over %d rounds), %,.0f entries/s;"
                + " goal < %.0f s: %s%n",
            verdict.entries(),
            median,
            seconds[0],
            seconds[VERIFY_ROUNDS - 1],
            VERIFY_ROUNDS,
            verdict.entries() / median,
            VERIFY_GOAL_SECONDS,
            median < VERIFY_GOAL_SECONDS ? "met" : "MISSED"));
    assertTrue(verdict.entries() >= chain, "the chain holds the entries measured");
    Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void printReport() throws Exception {
    if (Files.exists(REPORT)) {
      System.out.println();
      System.out.println(Files.readString(REPORT, StandardCharsets.UTF_8));
    }
  }

  /** CPU microseconds per append of the last figure: the server's JVM + PostgreSQL. */
  private String lastCpu;

  /** Entries per second of the last figure until its last transaction committed. */
  private double lastCommitRate;

  /**
   * Appends {@code count} entries, one per transaction, from {@code threadCount} container-managed
   * threads; entries per second until the last of them was chained. Checks that each is chained at
   * a place of its own.
   */
  private double append(int count, int threadCount, String run) throws Exception {
    String target = "bench-audit:" + run + ":" + Long.toString(System.nanoTime(), 36);
    Throughput.Figure figure =
        Throughput.run(
            threads,
            threadCount,
            count,
            n -> {
              tx.begin();
              try {
                audit.record("bench", "bench.append", target, "entry " + n, CLIENT);
                tx.commit();
              } catch (Exception e) {
                tx.rollback();
                throw e;
              }
            },
            () -> awaitChained(target));
    lastCommitRate = figure.callsPerSecond();
    lastCpu = figure.cpuMicros();
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*), count(distinct seq), count(seq) from audit_entry where target = ?")) {
      s.setString(1, target);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertEquals(count, rs.getLong(1), "every append committed");
        assertEquals(count, rs.getLong(2), "each at a place of its own");
        assertEquals(count, rs.getLong(3), "each chained");
      }
    }
    return figure.perSecond();
  }

  /**
   * Waits until no entry of the target is left unchained (the chaining timer runs every second);
   * polled every millisecond.
   */
  private void awaitChained(String target) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select exists (select 1 from audit_entry where target = ? and seq is null)")) {
      s.setString(1, target);
      while (true) {
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            return;
          }
        }
        assertTrue(System.nanoTime() < deadline, "the entries were chained within 60 s");
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  private long chainedEntries() throws Exception {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from audit_entry where seq is not null")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Writes entries as a server of the version before the chain did (unchained), in bulk; {@link
   * AuditTrail#signHeadNow} then chains them through the same code as at start-up.
   */
  private void fillUnchained(long n) throws Exception {
    if (n == 0) {
      return;
    }
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into audit_entry (id, occurred_at, actor, action, target, details,"
              + " remote_address) select nextval('audit_entry_seq'), now() - (g || ' ms')::interval,"
              + " 'bench-staff-' || (g % 50), 'order.step.' || (g % 12), 'application:BENCH' || g,"
              + " 'status AWAITING_REVIEW -> APPROVED, 审核意见 ' || g, '198.51.100.' || (g % 250)"
              + " from generate_series(1, "
              + n
              + ") g");
    }
  }
}
