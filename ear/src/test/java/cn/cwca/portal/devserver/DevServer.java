package cn.cwca.portal.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The README's run command: prepares the Payara domain the build unpacked, connects it to the
 * configured PostgreSQL (or to an embedded PostgreSQL 17 whose data survives between runs), deploys
 * the EAR, creates the first administrator once, and waits until {@code /health/ready} reports the
 * portal UP; only then prints where everything is, and keeps running until Ctrl+C. When the portal
 * does not become ready, it prints the server log's tail and fails (Payara is stopped).
 */
public final class DevServer {

  static final String APPLICATION_NAME = "ca-portal";
  static final String PORTAL_URL = "http://localhost:8080/portal/";
  static final String READINESS_URL = "http://localhost:8080/health/ready";

  /** The name of the portal's check in the readiness answer (PortalReadinessCheck.NAME). */
  static final String READINESS_CHECK = "ca-portal";

  static final java.time.Duration READY_WITHIN = java.time.Duration.ofMinutes(3);
  private static final String EMBEDDED_DATABASE = "caportal";

  private DevServer() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    PayaraDomain domain = PayaraDomain.fromSystemProperty();
    EmbeddedPostgres embedded = null;
    DatabaseSettings db;
    var configured = DatabaseSettings.configured();
    if (configured.isPresent()) {
      db = configured.get();
      System.out.println("Using the configured database " + db.url());
    } else {
      Path dataDir = home().resolve("postgres-data");
      Files.createDirectories(dataDir);
      int port =
          Integer.parseInt(
              orDefault(DatabaseSettings.setting("CAPORTAL_EMBEDDED_DB_PORT"), "54329"));
      System.out.println("No CAPORTAL_DB_URL set: starting the embedded PostgreSQL in " + dataDir);
      embedded = EmbeddedDatabase.start(dataDir, port);
      db = embeddedDatabase(embedded, port);
    }
    EmbeddedPostgres postgres = embedded;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  announce("Stopping Payara Server ...");
                  try {
                    domain.undeploy(APPLICATION_NAME);
                    domain.stop();
                  } finally {
                    if (postgres != null) {
                      try {
                        postgres.close();
                      } catch (IOException e) {
                        announce("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                      }
                    }
                  }
                }));
    try {
      domain.installJdbcDriver();
      domain.start();
      domain.hideServerIdentity();
      domain.configureDatasource(db);
      domain.configureCa(CaSettings.inFolder(home().resolve("ca"), PORTAL_URL + "ca"));
      domain.enablePaymentSandbox();
      domain.shippedPerAddressLimits();
      domain.deploy(Path.of(System.getProperty("portal.ear")), APPLICATION_NAME);
      domain.awaitReady(READINESS_URL, READINESS_CHECK, READY_WITHIN);
    } catch (RuntimeException e) {
      printLogTail(domain);
      throw e;
    }
    var password = AdminBootstrap.ensureAdministrator(db);
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    String line = "=".repeat(72);
    System.out.println(line);
    System.out.println("CA 数字证书在线自助办理系统 is running (started in " + seconds + " s)");
    System.out.println("  Portal (applicants):  http://localhost:8080/portal/");
    System.out.println("  Admin screens:        http://localhost:8080/portal/admin/index.xhtml");
    System.out.println("  Payara admin console: http://localhost:4848/");
    System.out.println("  CA keystore:          " + home().resolve("ca/ca.p12"));
    System.out.println("  Server log:           " + domain.serverLog());
    System.out.println(
        "  Payment:              sandbox (模拟支付, no real money); see docs/configuration.md");
    if (password.isPresent()) {
      System.out.println(
          "  First administrator:  " + AdminBootstrap.ADMIN_LOGIN + " / " + password.get());
      System.out.println("  (shown only this once: write it down, then change it)");
    } else {
      System.out.println("  Administrator:        exists already (created on the first run)");
    }
    System.out.println("Press Ctrl+C to stop.");
    System.out.println(line);
    Thread.currentThread().join();
  }

  static Path home() {
    String configured = DatabaseSettings.setting("CAPORTAL_HOME");
    // Absolute: Payara resolves the paths it is given against its own working directory.
    return configured != null
        ? Path.of(configured).toAbsolutePath()
        : Path.of(System.getProperty("user.home"), ".ca-portal");
  }

  private static DatabaseSettings embeddedDatabase(EmbeddedPostgres pg, int port)
      throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EMBEDDED_DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + EMBEDDED_DATABASE + " ENCODING 'UTF8'");
        }
      }
    }
    return new DatabaseSettings(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + EMBEDDED_DATABASE, "postgres", null);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  static void printLogTail(PayaraDomain domain) {
    try {
      List<String> lines = Files.readAllLines(domain.serverLog());
      List<String> severe = severeRecords(lines);
      if (!severe.isEmpty()) {
        System.err.println("---- SEVERE entries of " + domain.serverLog() + " ----");
        severe.subList(Math.max(0, severe.size() - 10), severe.size()).forEach(System.err::println);
      }
      System.err.println("---- last lines of " + domain.serverLog() + " ----");
      lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.err::println);
    } catch (IOException e) {
      System.err.println("(no server log at " + domain.serverLog() + ")");
    }
  }

  /**
   * The log's SEVERE records, each cut to its first lines: a port already taken or a failed
   * deployment is logged long before the log's tail.
   */
  static List<String> severeRecords(List<String> lines) {
    List<String> records = new java.util.ArrayList<>();
    StringBuilder current = null;
    int kept = 0;
    for (String line : lines) {
      if (line.startsWith("[") && line.contains("] [Payara ")) {
        if (current != null) {
          records.add(current.toString());
        }
        current = line.contains("[SEVERE]") ? new StringBuilder(line) : null;
        kept = 0;
      } else if (current != null && kept < 6) {
        current.append(System.lineSeparator()).append(line);
        kept++;
      }
    }
    if (current != null) {
      records.add(current.toString());
    }
    return records;
  }

  /**
   * A line on the console while the JVM shuts down. Maven's console stream (jansi) is not safe for
   * a second thread and can throw then; nothing it throws may keep the hook from stopping Payara
   * and the embedded database.
   */
  private static void announce(String line) {
    try {
      System.out.println(line);
    } catch (RuntimeException consoleBroken) {
      // the servers are stopped all the same
    }
  }
}
