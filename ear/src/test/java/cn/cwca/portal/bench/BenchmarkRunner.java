package cn.cwca.portal.bench;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.Subject;
import cn.cwca.portal.certificate.CertificateService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Runs inside the server: issues certificates end to end (EJB -> resource adapter -> signature ->
 * row committed in PostgreSQL, one JTA transaction per certificate) from client threads, and
 * answers OCSP through the portal's own CertificateService. One CA per algorithm ({@link
 * BenchmarkCas}).
 */
@Stateless
public class BenchmarkRunner {

  /** A throw-away keystore of the benchmark only. */
  static final String KEYSTORE_PASSWORD = "benchmark-only-keystore";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Subject SUBJECT = Subject.organisation("基准测试有限公司", "91350100M000100Y43");

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Resource SessionContext context;

  @EJB CertificateService certificates;

  /** Looked up once each, as an application injects its connection factory once. */
  private static final Map<String, CaConnectionFactory> FACTORIES = new ConcurrentHashMap<>();

  CaConnectionFactory factory(String ca) {
    return FACTORIES.computeIfAbsent(
        ca,
        name -> {
          try {
            return (CaConnectionFactory) new InitialContext().lookup("java:app/bench/ca-" + name);
          } catch (NamingException e) {
            throw new IllegalStateException("no benchmark CA " + name, e);
          }
        });
  }

  /**
   * One certificate: signed by the adapter and its registry row committed, in a transaction of its
   * own.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void issueOne(String ca, byte[] csr) throws Exception {
    insert(signOne(ca, csr));
  }

  /** One certificate signed through the adapter, outside any transaction, and not recorded. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public IssuedCertificate signOne(String ca, byte[] csr) throws Exception {
    try (CaConnection connection = factory(ca).getConnection()) {
      return connection.issue(new IssueRequest(csr, CertificateProfile.ORGANISATION, SUBJECT, 1));
    }
  }

  /** Only the registry row of an already signed certificate, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordOne(IssuedCertificate template) throws Exception {
    insert(withNewSerial(template));
  }

  /** The same certificate under a new random serial, so that its row does not collide. */
  private static IssuedCertificate withNewSerial(IssuedCertificate template) {
    return new IssuedCertificate(
        template.der(),
        new BigInteger(64, RANDOM).setBit(63).toString(16),
        template.notBefore(),
        template.notAfter(),
        template.subjectDn(),
        template.keyAlgorithm(),
        template.chain(),
        template.issuerKeyId());
  }

  private static final String INSERT =
      "INSERT INTO issued_certificate (id, version, serial_hex, subject_dn, owner_login_name,"
          + " profile, key_algorithm, not_before, not_after, status, der, issued_at,"
          + " issuer_key_id) VALUES (nextval('issued_certificate_seq'), 0, ?, ?, 'benchmark',"
          + " 'ORGANISATION', ?, ?, ?, 'VALID', ?, ?, ?)";

  private void insert(IssuedCertificate issued) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      insert(insert, issued);
    }
  }

  private static void insert(PreparedStatement insert, IssuedCertificate issued)
      throws java.sql.SQLException {
    insert.setString(1, issued.serialHex().toLowerCase());
    insert.setString(2, issued.subjectDn());
    insert.setString(3, issued.keyAlgorithm().name());
    insert.setTimestamp(4, utc(issued.notBefore()));
    insert.setTimestamp(5, utc(issued.notAfter()));
    insert.setBytes(6, issued.der());
    insert.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
    insert.setString(8, issued.issuerKeyId());
    insert.executeUpdate();
  }

  /**
   * Certificates per second signed through the adapter alone (no transaction, no row), from {@code
   * threadCount} threads for {@code millis}.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Figure signingRate(String ca, List<byte[]> csrs, int threadCount, long millis)
      throws Exception {
    BenchmarkRunner self = context.getBusinessObject(BenchmarkRunner.class);
    AtomicLong next = new AtomicLong();
    return rate(
        threadCount,
        millis,
        () -> () -> self.signOne(ca, csrs.get((int) (next.getAndIncrement() % csrs.size()))));
  }

  /**
   * Registry rows committed per second (a transaction and an insert each, no signature), from
   * {@code threadCount} threads for {@code millis}: the database's part of the issuance.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Figure recordingRate(String ca, byte[] csr, int threadCount, long millis)
      throws Exception {
    BenchmarkRunner self = context.getBusinessObject(BenchmarkRunner.class);
    IssuedCertificate template = self.signOne(ca, csr);
    return rate(threadCount, millis, () -> () -> self.recordOne(template));
  }

  /**
   * Requests checked per second as the CA must check every request, and nothing else: parsed and
   * their proof of possession verified with a fresh public key each time, as in real issuance, with
   * what the adapter verifies them with (AWS-LC for RSA and ECDSA where it loads, Bouncy Castle's
   * lightweight verifiers otherwise), from {@code threadCount} threads for {@code millis}.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Figure requestCheckRate(List<byte[]> csrs, int threadCount, long millis) throws Exception {
    AtomicLong next = new AtomicLong();
    return rate(
        threadCount,
        millis,
        () ->
            () -> {
              PKCS10CertificationRequest request =
                  new PKCS10CertificationRequest(
                      csrs.get((int) (next.getAndIncrement() % csrs.size())));
              byte[] signed =
                  request
                      .toASN1Structure()
                      .getCertificationRequestInfo()
                      .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
              if (!verifies(request, signed)) {
                throw new IllegalStateException("a benchmark request does not verify");
              }
            });
  }

  private static boolean verifies(PKCS10CertificationRequest request, byte[] signed)
      throws Exception {
    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
    boolean rsa =
        key.getAlgorithm()
            .getAlgorithm()
            .equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption);
    boolean sm2 =
        !rsa
            && org.bouncycastle.asn1.gm.GMObjectIdentifiers.sm2p256v1.equals(
                key.getAlgorithm().getParameters());
    if (!sm2 && IssuanceBenchmark.NATIVE.isPresent()) {
      java.security.Provider accp = IssuanceBenchmark.NATIVE.get();
      java.security.Signature verifier =
          java.security.Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA", accp);
      verifier.initVerify(
          java.security.KeyFactory.getInstance(rsa ? "RSA" : "EC", accp)
              .generatePublic(new java.security.spec.X509EncodedKeySpec(key.getEncoded())));
      verifier.update(signed);
      return verifier.verify(request.getSignature());
    }
    org.bouncycastle.crypto.Signer verifier = verifier(request);
    verifier.update(signed, 0, signed.length);
    return verifier.verifySignature(request.getSignature());
  }

  /**
   * The verifier of a benchmark request's signature (SHA-256 with RSA or ECDSA, or SM3 with SM2).
   */
  private static org.bouncycastle.crypto.Signer verifier(PKCS10CertificationRequest request)
      throws java.io.IOException {
    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
    org.bouncycastle.crypto.Signer verifier;
    org.bouncycastle.crypto.CipherParameters parameters;
    if (key.getAlgorithm()
        .getAlgorithm()
        .equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption)) {
      verifier =
          new org.bouncycastle.crypto.signers.RSADigestSigner(
              new org.bouncycastle.crypto.digests.SHA256Digest());
      parameters = org.bouncycastle.crypto.util.PublicKeyFactory.createKey(key);
    } else {
      org.bouncycastle.asn1.ASN1ObjectIdentifier curve =
          org.bouncycastle.asn1.ASN1ObjectIdentifier.getInstance(
              key.getAlgorithm().getParameters());
      org.bouncycastle.crypto.params.ECDomainParameters domain =
          new org.bouncycastle.crypto.params.ECDomainParameters(
              org.bouncycastle.crypto.ec.CustomNamedCurves.getByOID(curve));
      parameters =
          new org.bouncycastle.crypto.params.ECPublicKeyParameters(
              domain.getCurve().decodePoint(key.getPublicKeyData().getOctets()), domain);
      verifier =
          curve.equals(org.bouncycastle.asn1.gm.GMObjectIdentifiers.sm2p256v1)
              ? new org.bouncycastle.crypto.signers.SM2Signer()
              : new org.bouncycastle.crypto.signers.DSADigestSigner(
                  new org.bouncycastle.crypto.signers.ECDSASigner(),
                  new org.bouncycastle.crypto.digests.SHA256Digest());
    }
    verifier.init(false, parameters);
    return verifier;
  }

  /**
   * The database's own limit: registry rows inserted and committed per second on plain PostgreSQL
   * connections (autocommit, one row per commit, no application server in the way), from {@code
   * threadCount} threads for {@code millis}. What PostgreSQL can do on this machine, like pgbench.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Figure databaseRowRate(String ca, byte[] csr, int threadCount, long millis)
      throws Exception {
    BenchmarkRunner self = context.getBusinessObject(BenchmarkRunner.class);
    IssuedCertificate template = self.signOne(ca, csr);
    List<Connection> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      return rate(
          threadCount,
          millis,
          () -> {
            try {
              Connection pooled = dataSource.getConnection();
              held.add(pooled);
              // the driver's own connection, past the pool's wrappers
              Connection physical = (Connection) pooled.unwrap(org.postgresql.PGConnection.class);
              physical.setAutoCommit(true);
              PreparedStatement insert = physical.prepareStatement(INSERT);
              return () -> insert(insert, withNewSerial(template));
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }

  /**
   * The CA certificates of one benchmark CA (issuing first), which also makes the adapter create
   * it.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<byte[]> caCertificates(String algorithm) throws Exception {
    try (CaConnection connection = factory(algorithm).getConnection()) {
      return connection.caCertificates();
    }
  }

  /** The portal's own issuing CA certificate (the OCSP signer of the portal). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public byte[] portalCaCertificate() {
    return certificates.caCertificates().get(0);
  }

  /**
   * Issues from {@code threadCount} threads for {@code millis}; returns certificates per second.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Figure issuanceRate(String algorithm, List<byte[]> csrs, int threadCount, long millis)
      throws Exception {
    BenchmarkRunner self = context.getBusinessObject(BenchmarkRunner.class);
    AtomicLong next = new AtomicLong();
    return rate(
        threadCount,
        millis,
        () ->
            () -> {
              byte[] csr = csrs.get((int) (next.getAndIncrement() % csrs.size()));
              self.issueOne(algorithm, csr);
            });
  }

  /**
   * OCSP answers per second through the portal's CertificateService (registry lookup + signature).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Figure ocspRate(byte[] request, int threadCount, long millis) throws Exception {
    return rate(threadCount, millis, () -> () -> certificates.answerOcsp(request));
  }

  interface Work {
    void run() throws Exception;
  }

  /**
   * Operations per second, and the CPU time each cost this server's JVM and the PostgreSQL server
   * on the same machine (read from /proc; zero where it cannot be read): a figure that other load
   * on the machine does not distort as it does the rate.
   */
  public record Figure(double perSecond, double jvmMicros, double databaseMicros)
      implements java.io.Serializable {}

  /**
   * Runs the work from the given number of container-managed threads for a time; operations per
   * second and their CPU cost.
   */
  static Figure rate(int threadCount, long millis, Supplier<Work> work, ManagedThreadFactory f)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threadCount, f);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Work> works = new java.util.ArrayList<>();
    for (int i = 0; i < threadCount; i++) {
      works.add(work.get());
    }
    long jvmBefore = CpuTime.jvmCpuNanos();
    Map<String, Long> databaseBefore = CpuTime.databaseCpuTicks();
    long start = System.nanoTime();
    long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
    for (Work w : works) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              try {
                w.run();
                done.incrementAndGet();
              } catch (Exception e) {
                failed.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(millis + 60_000, TimeUnit.MILLISECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    long jvm = CpuTime.jvmCpuNanos() - jvmBefore;
    long database = 0;
    for (Map.Entry<String, Long> after : CpuTime.databaseCpuTicks().entrySet()) {
      database += after.getValue() - databaseBefore.getOrDefault(after.getKey(), 0L);
    }
    database *= 10_000_000L; // 100 ticks per second
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " operations failed");
    }
    long n = Math.max(1, done.get());
    return new Figure(done.get() / seconds, jvm / 1e3 / n, database / 1e3 / n);
  }

  private Figure rate(int threadCount, long millis, Supplier<Work> work) throws Exception {
    return rate(threadCount, millis, work, threads);
  }

  private static Timestamp utc(java.time.Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
