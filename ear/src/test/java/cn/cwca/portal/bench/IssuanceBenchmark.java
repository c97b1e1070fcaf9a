package cn.cwca.portal.bench;

import cn.cwca.portal.bench.BenchmarkRunner.Figure;
import cn.cwca.portal.devserver.CaHsmTokens;
import cn.cwca.portal.it.PortalDeployment;
import jakarta.ejb.EJB;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The issuance and OCSP benchmark (issue 3): its own command, {@code mvn -P bench verify}, not part
 * of the test suite. Runs in the deployed EAR on Payara with PostgreSQL and prints certificates per
 * second for RSA-2048, P-256 and SM2 CA keys (PKCS#12) and RSA-2048 and P-256 CA keys on SoftHSM2
 * tokens (PKCS#11), with 1, 2 and 8 client threads and the CPU each certificate cost, beside the
 * raw signature rate of the same key; each of these figures is the median of a few rounds that go
 * over every CA in turn. Per CA key it also measures each irreducible part of an issuance alone
 * (signature, request check, committed row) and prints the bound they set; last, OCSP responses per
 * second with the portal's P-256 signer.
 */
@ExtendWith(ArquillianExtension.class)
class IssuanceBenchmark {

  private static final String REPORT_RESOURCE = "bench-report-path.txt";
  private static final Path REPORT = Path.of("target", "bench", "report.txt").toAbsolutePath();
  private static final String[] ALGORITHMS = {"RSA_2048", "EC_P256", "SM2"};

  /** The goals, certificates per second end to end on a 2-core machine. */
  private static final java.util.Map<String, Integer> GOALS =
      java.util.Map.of("RSA_2048", 1500, "EC_P256", 3000, "SM2", 2000);

  /** {@code -Dbench.threads=1,2,8,32}: the client thread counts of the end-to-end figures. */
  private static final String THREADS = System.getProperty("bench.threads", "1,2,8");

  private static final long WARM_UP_MILLIS = Long.getLong("bench.warmUpMillis", 3000);
  private static final long RUN_MILLIS = Long.getLong("bench.runMillis", 5000);

  /**
   * {@code -Dbench.rounds=3}: how often each end-to-end figure is measured; the rounds go over
   * every CA in turn, so that a slower spell of the machine does not fall on one CA only, and the
   * report gives the median and the range.
   */
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  /** {@code -Dbench.only=HSM_EC_P256,SM2}: measure only these CAs (for a quick look). */
  private static final String ONLY = System.getProperty("bench.only", "");

  private static final Provider BC = new BouncyCastleProvider();

  /** AWS-LC, where it loads, as the adapter signs with it (RSA and ECDSA software keys). */
  static final java.util.Optional<Provider> NATIVE = nativeProvider();

  private static java.util.Optional<Provider> nativeProvider() {
    com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider accp =
        com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
    return accp.getLoadingError() == null
        ? java.util.Optional.of(accp)
        : java.util.Optional.empty();
  }

  @Deployment
  static EnterpriseArchive deployment() throws Exception {
    Files.createDirectories(REPORT.getParent());
    Files.deleteIfExists(REPORT);
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            BouncyCastleProvider.class,
            X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class,
            com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.class),
        war ->
            war.addAsResource(
                new StringAsset(
                    REPORT
                        + "\n"
                        + WARM_UP_MILLIS
                        + "\n"
                        + RUN_MILLIS
                        + "\n"
                        + ONLY
                        + "\n"
                        + THREADS
                        + "\n"
                        + ROUNDS
                        + "\n"),
                REPORT_RESOURCE),
        IssuanceBenchmark.class,
        BenchmarkRunner.class,
        BenchmarkRunner.Work.class,
        CpuTime.class,
        BenchSettings.class,
        BenchmarkCas.class,
        CaHsmTokens.class);
  }

  @EJB BenchmarkRunner runner;

  private int[] threadCounts;

  @Test
  void measureIssuanceAndOcsp() throws Exception {
    List<String> settings = BenchSettings.read(REPORT_RESOURCE);
    long warmUp = Long.parseLong(settings.get(1));
    long run = Long.parseLong(settings.get(2));
    List<String> only =
        settings.size() > 3 && !settings.get(3).isBlank()
            ? List.of(settings.get(3).split(","))
            : List.of();
    threadCounts =
        java.util.Arrays.stream(settings.get(4).split(","))
            .mapToInt(t -> Integer.parseInt(t.strip()))
            .toArray();
    int rounds = Math.max(1, Integer.parseInt(settings.get(5).strip()));
    int cores = Runtime.getRuntime().availableProcessors();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Issuance end to end (EJB -> adapter -> signature -> row committed), %d s per figure,"
                + " %d cores%n"
                + "  certs/s: the median of %d rounds, which go over every CA in turn; range: the"
                + " slowest and the fastest round%n"
                + "  JVM us, DB us: CPU microseconds per certificate in the server's JVM and in"
                + " PostgreSQL (%d cores give %,d per second)%n",
            run / 1000,
            cores,
            rounds,
            cores,
            cores * 1_000_000));
    report.append(
        String.format(
            Locale.ROOT,
            "%-14s %8s %10s %15s %8s %8s %16s %7s%n",
            "CA key",
            "threads",
            "certs/s",
            "range",
            "JVM us",
            "DB us",
            "raw sig/s (2t)",
            "ratio"));
    StringBuilder limits = new StringBuilder();
    limits.append(
        String.format(
            Locale.ROOT,
            "%nLimits: each irreducible part of an issuance alone, and the bound they set together:%n"
                + "  bound = 1 / (1/signatures + 1/request checks + 1/database rows); no"
                + " implementation issuing one committed row per certificate exceeds it%n"
                + "  signatures: the CA key, 2 threads; request checks: parse + proof-of-possession"
                + " verification, 2 threads;%n"
                + "  database rows: insert + commit on plain PostgreSQL connections, 8 threads;"
                + " adapter only: signed through the adapter, no transaction or row, 8 threads%n"
                + "  tx rows: the same row committed through an EJB in a JTA transaction (the fixed"
                + " architecture's cheapest committed row), 8 threads; bound' uses them instead%n"
                + "  e2e: the best median end to end over the thread counts%n"));
    limits.append(
        String.format(
            Locale.ROOT,
            "%-14s %9s %9s %10s %8s %10s %8s %9s %8s %9s %6s%n",
            "CA key",
            "sig/s",
            "checks/s",
            "db rows/s",
            "bound",
            "tx rows/s",
            "bound'",
            "adapter/s",
            "(JVM us)",
            "e2e",
            "goal"));
    List<CaUnderTest> cas = new ArrayList<>();
    for (String algorithm : ALGORITHMS) {
      if (only.isEmpty() || only.contains(algorithm)) {
        cas.add(
            new CaUnderTest(
                algorithm, requests(algorithm, 8), () -> rawSignatureRate(algorithm, 2, run)));
      }
    }
    boolean softHsm = softHsmAvailable();
    if (softHsm) {
      for (String algorithm : new String[] {"RSA_2048", "EC_P256"}) {
        if (only.isEmpty() || only.contains("HSM_" + algorithm)) {
          int slotListIndex = algorithm.equals("RSA_2048") ? 1 : 2;
          cas.add(
              new CaUnderTest(
                  "HSM_" + algorithm,
                  requests(algorithm, 8),
                  () -> rawHsmSignatureRate(algorithm, slotListIndex, 2, run)));
        }
      }
    }
    for (CaUnderTest ca : cas) {
      measureParts(ca, warmUp, run);
    }
    for (int round = 0; round < rounds; round++) {
      for (CaUnderTest ca : cas) {
        for (int threads : threadCounts) {
          ca.endToEnd
              .computeIfAbsent(threads, t -> new ArrayList<>())
              .add(runner.issuanceRate(ca.name, ca.csrs, threads, run));
        }
      }
    }
    for (CaUnderTest ca : cas) {
      report(report, limits, ca);
    }
    if (!softHsm) {
      report.append(
          "HSM_*: no figures, SoftHSM2 is not installed or the server has no SOFTHSM2_CONF\n");
    }
    report.append(limits).append(String.format(Locale.ROOT, "%n"));
    byte[] ocspRequest = ocspRequest();
    runner.ocspRate(ocspRequest, 2, warmUp);
    for (int threads : new int[] {2, 8}) {
      Figure ocsp = runner.ocspRate(ocspRequest, threads, run);
      report.append(
          String.format(
              Locale.ROOT,
              "OCSP (portal CA, P-256 signer, registry lookup) %d threads: %.0f responses/s, JVM"
                  + " %.0f us, DB %.0f us%n",
              threads,
              ocsp.perSecond(),
              ocsp.jvmMicros(),
              ocsp.databaseMicros()));
    }
    Files.writeString(Path.of(settings.get(0)), report.toString(), StandardCharsets.UTF_8);
  }

  /** A CA key measured: its requests, its raw signature rate, and what was measured of it. */
  private static final class CaUnderTest {
    final String name;
    final List<byte[]> csrs;
    final java.util.concurrent.Callable<Figure> rawRate;
    final java.util.Map<Integer, List<Figure>> endToEnd = new java.util.TreeMap<>();
    double raw;
    double checks;
    double rows;
    double serverRows;
    Figure adapterOnly;

    CaUnderTest(String name, List<byte[]> csrs, java.util.concurrent.Callable<Figure> rawRate) {
      this.name = name;
      this.csrs = csrs;
      this.rawRate = rawRate;
    }
  }

  /**
   * What each irreducible part of an issuance allows alone with this CA key (after a warm-up of the
   * whole issuance): the raw signature, the adapter alone, the request check, a committed row on
   * plain connections and through an EJB in a JTA transaction.
   */
  private void measureParts(CaUnderTest ca, long warmUp, long run) throws Exception {
    runner.caCertificates(ca.name);
    runner.issuanceRate(ca.name, ca.csrs, 2, warmUp);
    runner.issuanceRate(ca.name, ca.csrs, 8, warmUp);
    ca.raw = ca.rawRate.call().perSecond();
    ca.adapterOnly = runner.signingRate(ca.name, ca.csrs, 8, run);
    runner.requestCheckRate(ca.csrs, 2, warmUp);
    ca.checks = runner.requestCheckRate(ca.csrs, 2, run).perSecond();
    runner.databaseRowRate(ca.name, ca.csrs.get(0), 8, warmUp);
    ca.rows = runner.databaseRowRate(ca.name, ca.csrs.get(0), 8, run).perSecond();
    runner.recordingRate(ca.name, ca.csrs.get(0), 8, warmUp);
    ca.serverRows = runner.recordingRate(ca.name, ca.csrs.get(0), 8, run).perSecond();
  }

  /**
   * The figures of one CA: end to end with each thread count (the median of the rounds, their
   * range, and the CPU per certificate of the median round) beside the raw signature rate; and, in
   * {@code limits}, the irreducible parts, the bounds they set together, and the adapter alone.
   */
  private static void report(StringBuilder report, StringBuilder limits, CaUnderTest ca) {
    double best = 0;
    for (var entry : ca.endToEnd.entrySet()) {
      List<Figure> rounds = new ArrayList<>(entry.getValue());
      rounds.sort(java.util.Comparator.comparingDouble(Figure::perSecond));
      Figure median = rounds.get(rounds.size() / 2);
      best = Math.max(best, median.perSecond());
      report.append(
          String.format(
              Locale.ROOT,
              "%-14s %8d %10.0f %15s %8.0f %8.0f %16.0f %6.0f%%%n",
              ca.name,
              entry.getKey(),
              median.perSecond(),
              String.format(
                  Locale.ROOT,
                  "%.0f-%.0f",
                  rounds.get(0).perSecond(),
                  rounds.get(rounds.size() - 1).perSecond()),
              median.jvmMicros(),
              median.databaseMicros(),
              ca.raw,
              100 * median.perSecond() / ca.raw));
    }
    double bound = 1 / (1 / ca.raw + 1 / ca.checks + 1 / ca.rows);
    double serverBound = 1 / (1 / ca.raw + 1 / ca.checks + 1 / ca.serverRows);
    Integer goal = GOALS.get(ca.name);
    limits.append(
        String.format(
            Locale.ROOT,
            "%-14s %9.0f %9.0f %10.0f %8.0f %10.0f %8.0f %9.0f %8.0f %9.0f %6s%n",
            ca.name,
            ca.raw,
            ca.checks,
            ca.rows,
            bound,
            ca.serverRows,
            serverBound,
            ca.adapterOnly.perSecond(),
            ca.adapterOnly.jvmMicros(),
            best,
            goal == null ? "-" : goal.toString()));
  }

  private static boolean softHsmAvailable() {
    return System.getenv("SOFTHSM2_CONF") != null
        && Files.isRegularFile(Path.of(BenchmarkCas.SOFTHSM2_LIBRARY));
  }

  /**
   * The issuing CA key on the SoftHSM2 token of a benchmark HSM CA, signing a certificate-sized
   * message through its own SunPKCS11 session (the key never leaves the token).
   */
  private static Figure rawHsmSignatureRate(
      String algorithm, int slotListIndex, int threads, long millis) throws Exception {
    Provider provider =
        java.security.Security.getProvider("SunPKCS11")
            .configure(
                "--name = BenchRaw"
                    + slotListIndex
                    + "\nlibrary = \""
                    + BenchmarkCas.SOFTHSM2_LIBRARY
                    + "\"\nslotListIndex = "
                    + slotListIndex
                    + "\n");
    KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
    keyStore.load(null, CaHsmTokens.PIN.toCharArray());
    PrivateKey key = (PrivateKey) keyStore.getKey("issuing-ca", null);
    String signatureAlgorithm = algorithm.equals("RSA_2048") ? "SHA256withRSA" : "SHA256withECDSA";
    return signatureRate(key, signatureAlgorithm, provider, threads, millis);
  }

  @AfterAll
  static void printReport() throws Exception {
    if (Files.exists(REPORT)) {
      System.out.println();
      System.out.println(Files.readString(REPORT, StandardCharsets.UTF_8));
    }
  }

  /** A few requests with keys of the CA's algorithm; the CA issues many certificates from each. */
  private static List<byte[]> requests(String algorithm, int count) throws Exception {
    List<byte[]> csrs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      KeyPair keys;
      String signature;
      switch (algorithm) {
        case "RSA_2048" -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(2048);
          keys = g.generateKeyPair();
          signature = "SHA256withRSA";
        }
        case "EC_P256" -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"));
          keys = g.generateKeyPair();
          signature = "SHA256withECDSA";
        }
        default -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
          g.initialize(new ECGenParameterSpec("sm2p256v1"));
          keys = g.generateKeyPair();
          signature = "SM3withSM2";
        }
      }
      csrs.add(
          new JcaPKCS10CertificationRequestBuilder(
                  new X500Principal("CN=benchmark"), keys.getPublic())
              .build(
                  new JcaContentSignerBuilder(signature).setProvider(BC).build(keys.getPrivate()))
              .getEncoded());
    }
    return csrs;
  }

  /**
   * The issuing CA key of the same keystore, signing a certificate-sized message with the provider
   * the adapter uses for it (AWS-LC for RSA and P-256 where it loads, else the JDK for RSA and
   * Bouncy Castle for P-256; Bouncy Castle for SM2).
   */
  private static Figure rawSignatureRate(String algorithm, int threads, long millis)
      throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12", BC);
    try (InputStream in =
        Files.newInputStream(
            Path.of(System.getProperty("caportal.ca.keystore") + ".bench-" + algorithm + ".p12"))) {
      keyStore.load(in, BenchmarkRunner.KEYSTORE_PASSWORD.toCharArray());
    }
    PrivateKey key =
        (PrivateKey) keyStore.getKey("issuing-ca", BenchmarkRunner.KEYSTORE_PASSWORD.toCharArray());
    String signatureAlgorithm =
        switch (algorithm) {
          case "RSA_2048" -> "SHA256withRSA";
          case "EC_P256" -> "SHA256withECDSA";
          default -> "SM3withSM2";
        };
    Provider provider;
    if (!algorithm.equals("SM2") && NATIVE.isPresent()) {
      provider = NATIVE.get();
    } else {
      provider =
          algorithm.equals("RSA_2048") ? java.security.Security.getProvider("SunRsaSign") : BC;
    }
    if (provider != BC) {
      key =
          (PrivateKey)
              java.security.KeyFactory.getInstance(
                      algorithm.equals("RSA_2048") ? "RSA" : "EC", provider)
                  .translateKey(key);
    }
    return signatureRate(key, signatureAlgorithm, provider, threads, millis);
  }

  /** Signatures per second of a certificate-sized message with the key, from several threads. */
  private static Figure signatureRate(
      PrivateKey key, String signatureAlgorithm, Provider provider, int threads, long millis)
      throws Exception {
    byte[] message = new byte[700];
    new SecureRandom().nextBytes(message);
    return BenchmarkRunner.rate(
        threads,
        millis,
        () -> {
          try {
            // Initialised once, as the adapter keeps its signers: sign() resets the object for the
            // next signature (for SM2 an initialisation costs a point multiplication of its own).
            Signature s = Signature.getInstance(signatureAlgorithm, provider);
            s.initSign(key);
            return () -> {
              s.update(message);
              s.sign();
            };
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        jakarta.enterprise.concurrent.ManagedThreadFactory.class.cast(
            new javax.naming.InitialContext().lookup("java:comp/DefaultManagedThreadFactory")));
  }

  /**
   * An OCSP request for a serial the registry does not know (the answer is signed all the same).
   */
  private byte[] ocspRequest() throws Exception {
    byte[] issuing = runner.portalCaCertificate();
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new X509CertificateHolder(issuing),
            java.math.BigInteger.valueOf(123456789L));
    return new OCSPReqBuilder().addRequest(id).build().getEncoded();
  }
}
