package cn.cwca.portal.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the Payara Server that the build unpacked, through its own {@code asadmin}: the same
 * commands docs/deployment.md gives for a production server, so the run command and the tests
 * exercise the documented deployment.
 */
final class PayaraDomain {

  static final String POOL = "caportal-pool";
  static final String DATASOURCE = "jdbc/caportal";
  static final String PASSWORD_ALIAS = "caportal-db-password";
  static final String DOMAIN = "domain1";
  static final String CA_KEYSTORE_PASSWORD_ALIAS = "caportal-ca-keystore-password";
  static final String SANDBOX_SECRET_ALIAS = "caportal-payment-sandbox-secret";

  /** The ports the domain binds: HTTP, HTTPS, administration, IIOP, JMS, JMX. */
  static final List<Integer> PORTS = List.of(8080, 8181, 4848, 3700, 7676, 8686);

  static final Duration PORTS_FREE_WITHIN = Duration.ofSeconds(120);

  private final Path home;

  PayaraDomain(Path home) {
    if (!Files.isExecutable(home.resolve("bin/asadmin"))) {
      throw new IllegalStateException(
          "No Payara Server at " + home + ": build the ear module first (mvn package)");
    }
    this.home = home;
  }

  static PayaraDomain fromSystemProperty() {
    return new PayaraDomain(
        Path.of(System.getProperty("payara.home", "ear/target/payara/payara6")));
  }

  Path domainDir() {
    return home.resolve("glassfish/domains").resolve(DOMAIN);
  }

  Path serverLog() {
    return domainDir().resolve("logs/server.log");
  }

  /**
   * Gives the server a fixed heap of this size ({@code -Xms} = {@code -Xmx}, e.g. {@code 1g}) in
   * the domain's configuration; takes effect at the next start. The integration tests deploy some
   * forty archives into one server, and Payara refuses to expand an archive when the heap's free
   * part (not what it could still grow to) is smaller than the archive.
   */
  void fixHeap(String size) throws IOException {
    Path config = domainDir().resolve("config/domain.xml");
    String xml = Files.readString(config, StandardCharsets.UTF_8);
    String fixed =
        xml.replaceAll("<jvm-options>-Xms[^<]*</jvm-options>\\s*", "")
            .replaceAll(
                "<jvm-options>-Xmx[^<]*</jvm-options>",
                "<jvm-options>-Xmx"
                    + size
                    + "</jvm-options><jvm-options>-Xms"
                    + size
                    + "</jvm-options>");
    Files.writeString(config, fixed, StandardCharsets.UTF_8);
  }

  /** Puts the PostgreSQL JDBC driver in the domain's lib folder; takes effect at the next start. */
  void installJdbcDriver() throws IOException {
    Path driver = JarLocation.of(org.postgresql.Driver.class);
    Path lib = domainDir().resolve("lib");
    Files.createDirectories(lib);
    Files.copy(driver, lib.resolve("postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
  }

  boolean isRunning() {
    Result r = run(List.of("list-domains"), false);
    return r.output().lines().anyMatch(l -> l.startsWith(DOMAIN + " running"));
  }

  void start() {
    start(Map.of());
  }

  /** The environment of the last start, which a restart keeps. */
  private Map<String, String> environment = Map.of();

  /**
   * Starts the domain (again) with extra environment variables, which the server's JVM inherits
   * from asadmin: for example {@code SOFTHSM2_CONF} for a CA on a SoftHSM2 token.
   */
  void start(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    if (isRunning()) {
      asadmin("stop-domain", DOMAIN);
    }
    try {
      List<String> stale = new DomainApplications(domainDir()).forgetUserApplications();
      if (!stale.isEmpty()) {
        System.out.println(
            "The domain still had "
                + String.join(", ", stale)
                + " deployed (the last run did not stop cleanly): it is deployed afresh instead");
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the domain's configuration", e);
    }
    awaitPortsFree(PORTS, PORTS_FREE_WITHIN);
    Result first = run(startDomain(), false, environment);
    if (first.exitCode() == 0) {
      return;
    }
    // Now and then Payara's own startup fails (an HK2 "WouldBlockException" while its startup
    // services load, logged as "Failed to start, exiting") and the server's JVM then stays alive,
    // serving nothing, until asadmin gives up. Once is not a pattern: end that JVM, start again.
    System.out.println(
        "Payara did not start (asadmin: "
            + first.output().strip()
            + "); its server log says:\n"
            + String.join("\n", DevServer.severeRecords(serverLogLines()))
            + "\nEnding the server's process and starting it once more");
    endServerProcesses();
    awaitPortsFree(PORTS, PORTS_FREE_WITHIN);
    run(startDomain(), true, environment);
  }

  /** How long one start may take (asadmin's own default is ten minutes). */
  static final Duration START_WITHIN = Duration.ofMinutes(4);

  private static List<String> startDomain() {
    return List.of("start-domain", "--timeout=" + START_WITHIN.toSeconds(), DOMAIN);
  }

  private List<String> serverLogLines() {
    try {
      return Files.readAllLines(serverLog());
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Ends (SIGKILL) every process of this domain's server JVM, found by its domain folder. */
  private void endServerProcesses() {
    String folder = domainDir().toAbsolutePath().normalize().toString();
    ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains(folder) && c.contains("ASMain"))
                    .orElse(false))
        .forEach(
            p -> {
              p.destroyForcibly();
              p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
  }

  /**
   * Waits until nothing listens on the ports the domain binds. Payara starts even when its HTTP
   * port is taken (it only logs the bind failure), and the portal then never answers; a server
   * still stopping from an earlier run frees its ports within seconds.
   *
   * @throws IllegalStateException naming the ports still taken after the timeout
   */
  static void awaitPortsFree(List<Integer> ports, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    boolean announced = false;
    while (true) {
      List<Integer> taken = ports.stream().filter(PayaraDomain::isListening).toList();
      if (taken.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Another program listens on port(s) "
                + taken
                + " that Payara needs; stop it (for example: ss -ltnp) and start again");
      }
      if (!announced) {
        System.out.println("Waiting for port(s) " + taken + " to be freed by another program");
        announced = true;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for ports " + taken, e);
      }
    }
  }

  static boolean isListening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /**
   * Waits until {@code /health/ready} reports the portal's readiness check UP (the database
   * answers, the schema is current, the CA signs).
   *
   * @throws IllegalStateException with the last answer when it is not UP within the timeout
   */
  void awaitReady(String readinessUrl, String checkName, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (true) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(readinessUrl))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = "HTTP " + response.statusCode() + " " + response.body();
        if (Readiness.isUp(response.statusCode(), response.body(), checkName)) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + readinessUrl, e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            readinessUrl + " did not report UP within " + timeout.toSeconds() + " s: " + last);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + readinessUrl, e);
      }
    }
  }

  void stop() {
    if (isRunning()) {
      asadmin("stop-domain", DOMAIN);
    }
  }

  /**
   * Responses no longer name the server and its version ({@code Server}, {@code X-Powered-By}): on
   * the HTTP and HTTPS listeners and the admin listener, as docs/deployment.md gives it. Restarts
   * the domain.
   */
  void hideServerIdentity() {
    List<String> settings = new ArrayList<>();
    for (String listener : List.of("http-listener-1", "http-listener-2", "admin-listener")) {
      String http = "configs.config.server-config.network-config.protocols.protocol." + listener;
      settings.add(http + ".http.server-header=false");
      settings.add(http + ".http.xpowered-by=false");
    }
    List<String> command = new ArrayList<>();
    command.add("set");
    command.addAll(settings);
    asadmin(command.toArray(String[]::new));
    // The running server restarts the three listeners at once to apply this, and now and then
    // leaves the HTTP listener unbound ("GrizzlyProxy is NULL"): the domain starts again instead,
    // its listeners made from the saved configuration.
    start(environment);
  }

  /**
   * (Re)creates the JDBC pool and resource the application looks up. The password, when there is
   * one, is kept as a Payara password alias and referenced as {@code ${ALIAS=...}}, never written
   * in clear in domain.xml.
   */
  void configureDatasource(DatabaseSettings db) throws IOException {
    run(List.of("delete-jdbc-resource", DATASOURCE), false);
    run(List.of("delete-jdbc-connection-pool", "--cascade", POOL), false);
    asadmin(
        "create-jdbc-connection-pool",
        "--datasourceclassname",
        "org.postgresql.ds.PGSimpleDataSource",
        "--restype",
        "javax.sql.DataSource",
        "--steadypoolsize",
        "2",
        "--maxpoolsize",
        "32",
        "--isconnectvalidatereq",
        "true",
        "--validationmethod",
        "auto-commit",
        "--property",
        "url=" + escape(db.url()) + ":user=" + escape(db.user()),
        POOL);
    if (db.password() != null && !db.password().isEmpty()) {
      passwordAlias(PASSWORD_ALIAS, db.password());
      asadmin(
          "set",
          "resources.jdbc-connection-pool."
              + POOL
              + ".property.password=${ALIAS="
              + PASSWORD_ALIAS
              + "}");
    } else {
      // Payara refuses a pool without a password property; "()" is its notation for an empty one
      // (trust auth).
      asadmin("set", "resources.jdbc-connection-pool." + POOL + ".property.password=()");
    }
    asadmin("create-jdbc-resource", "--connectionpoolid", POOL, DATASOURCE);
    asadmin("ping-connection-pool", POOL);
  }

  /**
   * Points the CA connector at its PKCS#12 keystore (created with a new root and issuing CA on
   * first start) and the public URL its certificates name for the CRL, OCSP and the CA certificate.
   */
  void configureCa(CaSettings ca) throws IOException {
    configureCa(ca, null);
  }

  /**
   * The same, and a PEM file of earlier issuing CA certificates the CA recognises as its own
   * (certificates on users' keys from before this system), or null for none.
   */
  void configureCa(CaSettings ca, Path previousIssuers) throws IOException {
    if (previousIssuers != null) {
      asadmin(
          "create-system-properties",
          "caportal.ca.previousIssuers=" + escape(previousIssuers.toAbsolutePath().toString()));
    } else {
      run(List.of("delete-system-property", "caportal.ca.previousIssuers"), false);
    }
    passwordAlias(CA_KEYSTORE_PASSWORD_ALIAS, ca.keystorePassword());
    asadmin(
        "create-system-properties",
        "caportal.ca.tokenType=PKCS12"
            + ":caportal.ca.keystore="
            + escape(ca.keystore().toString())
            + ":caportal.ca.keyAlgorithm="
            + ca.keyAlgorithm()
            + ":caportal.ca.baseUrl="
            + escape(ca.baseUrl()));
  }

  /**
   * Puts the portal's CA key on the HSM token in the first slot of the PKCS#11 module (a CA is
   * created there on first use), as the PKCS11 settings of docs/ca-operation.md do: the user PIN in
   * the CA's password alias.
   */
  void configureHsmCa(Path pkcs11Library, String pin, CaSettings ca) throws IOException {
    passwordAlias(CA_KEYSTORE_PASSWORD_ALIAS, pin);
    asadmin(
        "create-system-properties",
        "caportal.ca.tokenType=PKCS11"
            + ":caportal.ca.pkcs11Library="
            + escape(pkcs11Library.toString())
            + ":caportal.ca.keystore="
            + escape(ca.keystore().toString())
            + ":caportal.ca.keyAlgorithm="
            + ca.keyAlgorithm()
            + ":caportal.ca.baseUrl="
            + escape(ca.baseUrl()));
  }

  /**
   * Enables the sandbox payment provider (模拟支付) with a new random secret, as the README's run
   * command does; a production domain never has it.
   */
  void enablePaymentSandbox() throws IOException {
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    passwordAlias(
        SANDBOX_SECRET_ALIAS,
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    asadmin("create-system-properties", "caportal.payment.sandbox.enabled=true");
  }

  /**
   * Lifts the per-address limits on SMS codes and registrations: every browser test comes from
   * 127.0.0.1, and the test suite registers more accounts an hour than one office would. The tests
   * of the limits set them back for their own duration.
   */
  void liftPerAddressLimits() {
    asadmin(
        "create-system-properties",
        "caportal.sms.maxPerAddressPerHour=100000:caportal.registration.maxPerAddressPerDay=100000");
  }

  /** The shipped per-address limits, as the integration tests may have left them lifted. */
  void shippedPerAddressLimits() {
    for (String property :
        List.of("caportal.sms.maxPerAddressPerHour", "caportal.registration.maxPerAddressPerDay")) {
      run(List.of("delete-system-property", property), false);
    }
  }

  /**
   * Sets a system property of the server, which the running server sees at once; {@code null}
   * removes it.
   */
  void systemProperty(String name, String value) {
    if (value == null) {
      run(List.of("delete-system-property", name), false);
    } else {
      asadmin("create-system-properties", name + "=" + escape(value));
    }
  }

  /** The CA's bank account for 对公转账 (the integration tests' example account). */
  void configureBankAccount(String accountName, String bankName, String accountNumber) {
    asadmin(
        "create-system-properties",
        "caportal.payment.bank.accountName="
            + escape(accountName)
            + ":caportal.payment.bank.bankName="
            + escape(bankName)
            + ":caportal.payment.bank.accountNumber="
            + escape(accountNumber));
  }

  /**
   * A Payara password alias: the secret lives in the domain's encrypted keystore, never in
   * domain.xml.
   */
  private void passwordAlias(String alias, String secret) throws IOException {
    run(List.of("delete-password-alias", alias), false);
    Path file = Files.createTempFile("alias", ".txt");
    try {
      Files.writeString(file, "AS_ADMIN_ALIASPASSWORD=" + secret + "\n");
      asadmin("--passwordfile", file.toString(), "create-password-alias", alias);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  void deploy(Path ear, String name) {
    asadmin("deploy", "--force=true", "--name", name, ear.toString());
  }

  /**
   * Removes the application if the domain runs and has it, so that the next start does not load it
   * stale.
   */
  void undeploy(String name) {
    if (isRunning()) {
      run(List.of("undeploy", name), false);
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  String asadmin(String... args) {
    Result r = run(List.of(args), true);
    return r.output();
  }

  private Result run(List<String> args, boolean failOnError) {
    return run(args, failOnError, Map.of());
  }

  private Result run(List<String> args, boolean failOnError, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(args);
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(environment);
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("asadmin " + args.get(0) + " did not finish");
      }
      if (failOnError && p.exitValue() != 0) {
        throw new IllegalStateException(
            "asadmin " + args.get(0) + " failed (exit " + p.exitValue() + "):\n" + out);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run asadmin", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running asadmin", e);
    }
  }

  private record Result(int exitCode, String output) {}
}
