package cn.cwca.portal.devserver;

import cn.cwca.portal.it.LegacyCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts (argument {@code start}) and stops ({@code stop}) the Payara domain the integration tests
 * run against: a fresh PostgreSQL database, the portal EAR deployed as in production, and a first
 * administrator whose password is handed to the tests in {@code target/it/admin.properties}.
 */
public final class IntegrationServer {

  private IntegrationServer() {}

  public static void main(String[] args) throws Exception {
    PayaraDomain domain = PayaraDomain.fromSystemProperty();
    if (args.length == 1 && args[0].equals("stop")) {
      domain.undeploy(DevServer.APPLICATION_NAME);
      domain.stop();
      return;
    }
    DatabaseSettings db = freshDatabase();
    Path state = Path.of(System.getProperty("it.state.dir", "target/it"));
    Files.createDirectories(state);
    try {
      domain.installJdbcDriver();
      domain.stop();
      domain.fixHeap("1g");
      // Token 0: the portal's CA (it.ca.token=PKCS11); 1 and 2: the benchmark's HSM CAs; then the
      // token on which the in-container tests make applicants' key pairs.
      Optional<CaHsmTokens.Tokens> tokens = CaHsmTokens.create(state.resolve("softhsm"), 3);
      Map<String, String> hsm = tokens.map(CaHsmTokens.Tokens::environment).orElse(Map.of());
      domain.start(hsm);
      domain.hideServerIdentity();
      domain.configureDatasource(db);
      Path caFolder = state.resolve("ca");
      deleteTree(caFolder);
      CaSettings ca = CaSettings.inFolder(caFolder, DevServer.PORTAL_URL + "ca");
      domain.configureCa(ca, LegacyCa.create(state.resolve("legacy-ca")));
      if (!hsm.isEmpty() && "PKCS11".equals(System.getProperty("it.ca.token", "PKCS11"))) {
        domain.configureHsmCa(CaHsmTokens.library().orElseThrow(), CaHsmTokens.PIN, ca);
        System.out.println("The portal's CA key is on SoftHSM2 token 0 (it.ca.token=PKCS11)");
      }
      domain.systemProperty(
          CaHsmTokens.APPLICANT_KEYS_SLOT_PROPERTY,
          tokens.map(t -> Long.toString(t.applicantKeysSlot())).orElse(null));
      domain.enablePaymentSandbox();
      domain.liftPerAddressLimits();
      domain.configureBankAccount("示例CA有限公司", "示例银行聊城分行", "6222020200001234567");
      domain.deploy(Path.of(System.getProperty("portal.ear")), DevServer.APPLICATION_NAME);
      domain.awaitReady(DevServer.READINESS_URL, DevServer.READINESS_CHECK, DevServer.READY_WITHIN);
      String password =
          AdminBootstrap.ensureAdministrator(db)
              .orElseThrow(
                  () -> new IllegalStateException("A fresh database already had an administrator"));
      Properties admin = new Properties();
      admin.setProperty("login", AdminBootstrap.ADMIN_LOGIN);
      admin.setProperty("password", password);
      try (var out = Files.newOutputStream(state.resolve("admin.properties"))) {
        admin.store(out, "First administrator of the integration-test database");
      }
    } catch (RuntimeException | java.io.IOException | SQLException e) {
      DevServer.printLogTail(domain);
      throw e;
    }
  }

  static void deleteTree(Path folder) throws java.io.IOException {
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Drops and creates the test database, so that every run starts from an empty schema. */
  private static DatabaseSettings freshDatabase() throws SQLException {
    DatabaseSettings maintenance = onTestServer("postgres");
    try (Connection c = maintenance.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + testDatabaseName() + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + testDatabaseName() + " ENCODING 'UTF8'");
    }
    return onTestServer(testDatabaseName());
  }

  /**
   * A connection to the integration tests' database, for a test that prepares rows the pages then
   * show (the in-container tests use the server's datasource instead).
   */
  public static Connection testDatabase() throws SQLException {
    return onTestServer(testDatabaseName()).connect();
  }

  private static String testDatabaseName() {
    return System.getProperty("it.db.name", "caportal_it");
  }

  private static DatabaseSettings onTestServer(String database) {
    return new DatabaseSettings(
        System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/") + database,
        System.getProperty("it.db.user", "postgres"),
        DatabaseSettings.setting("CAPORTAL_IT_DB_PASSWORD"));
  }
}
