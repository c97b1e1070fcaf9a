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
    insert(
        new IssuedCertificate(
            template.der(),
            new BigInteger(64, RANDOM).setBit(63).toString(16),
            template.notBefore(),
            template.notAfter(),
            template.subjectDn(),
            template.keyAlgorithm(),
            template.chain()));
  }

  private void insert(IssuedCertificate issued) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO issued_certificate (id, version, serial_hex, subject_dn,"
                    + " owner_login_name, profile, key_algorithm, not_before, not_after, status, der,"
                    + " issued_at) VALUES (nextval('issued_certificate_seq'), 0, ?, ?, 'benchmark',"
                    + " 'ORGANISATION', ?, ?, ?, 'VALID', ?, ?)")) {
      insert.setString(1, issued.serialHex().toLowerCase());
      insert.setString(2, issued.subjectDn());
      insert.setString(3, issued.keyAlgorithm().name());
      insert.setTimestamp(4, utc(issued.notBefore()));
      insert.setTimestamp(5, utc(issued.notAfter()));
      insert.setBytes(6, issued.der());
      insert.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
      insert.executeUpdate();
    }
  }

  /**
   * Certificates per second signed through the adapter alone (no transaction, no row), from {@code
   * threadCount} threads for {@code millis}.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public double signingRate(String ca, List<byte[]> csrs, int threadCount, long millis)
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
  public double recordingRate(String ca, byte[] csr, int threadCount, long millis)
      throws Exception {
    BenchmarkRunner self = context.getBusinessObject(BenchmarkRunner.class);
    IssuedCertificate template = self.signOne(ca, csr);
    return rate(threadCount, millis, () -> () -> self.recordOne(template));
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
  public double issuanceRate(String algorithm, List<byte[]> csrs, int threadCount, long millis)
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
  public double ocspRate(byte[] request, int threadCount, long millis) throws Exception {
    return rate(threadCount, millis, () -> () -> certificates.answerOcsp(request));
  }

  interface Work {
    void run() throws Exception;
  }

  /**
   * Runs the work from the given number of container-managed threads for a time; operations per
   * second.
   */
  static double rate(int threadCount, long millis, Supplier<Work> work, ManagedThreadFactory f)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threadCount, f);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    long start = System.nanoTime();
    for (int i = 0; i < threadCount; i++) {
      Work w = work.get();
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
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " operations failed");
    }
    return done.get() / seconds;
  }

  private double rate(int threadCount, long millis, Supplier<Work> work) throws Exception {
    return rate(threadCount, millis, work, threads);
  }

  private static Timestamp utc(java.time.Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
