package cn.cwca.portal.audit;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.certificate.CaConnectorDefinition;
import cn.cwca.portal.persistence.ClusterJob;
import cn.cwca.portal.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Chains the entries {@link AuditLog} committed unchained: every second, in batches (a commit never
 * waits for it), and before 校验 and signing ({@link #chainAll}). Every hour it also signs the head
 * with the CA's issuing key if it moved since the last signature. Chaining runs in transactions of
 * its own on a connection of its own, never in a business transaction, under the chain's advisory
 * lock ({@link AuditStore#LOCK_SCOPE}), so that one chainer of the cluster works at a time; the
 * hourly signing runs on one server at a time ({@link ClusterJob}).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChainer {

  private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());

  private static final String JOB = "audit-chain";

  /** Entries chained per transaction. */
  static final int BATCH = 1_000;

  /** Batches a run of the one-second timer chains at most. */
  static final int BATCHES_PER_RUN = 1_000;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Resource(lookup = CaConnectorDefinition.JNDI_NAME)
  CaConnectionFactory ca;

  Clock clock = Clock.systemUTC();

  /**
   * This bean through the container, so that the timers' work runs as a business method: Payara
   * runs a timeout method in a container transaction whatever it is annotated with, which would
   * enlist the chaining's own connection and fail its commits.
   */
  @Resource SessionContext self;

  /**
   * The schema's migration: the timers can fire while it still runs at start-up (on a database of
   * an earlier version the chain's columns would not exist yet); a call to it waits for it.
   */
  @EJB SchemaMigration schema;

  @Schedule(second = "0", minute = "41", hour = "*", persistent = false)
  void hourly() {
    schema.expectedVersion();
    self.getBusinessObject(AuditChainer.class).chainAndSign();
  }

  /** The hourly work: chains what is pending and signs the head, on one server at a time. */
  public void chainAndSign() {
    ClusterJob.runExclusively(
        dataSource,
        JOB,
        () -> {
          chainAll();
          try {
            signHead();
          } catch (SQLException | CaException | RuntimeException e) {
            LOG.log(
                Level.WARNING, "The audit chain's head could not be signed; next hour again", e);
          }
          return 0;
        });
  }

  /**
   * Chains what was committed since the last run, on every server every second. The chain's
   * try-lock makes it one chainer of the cluster at a time; a run that finds the lock taken leaves
   * the work to its holder. Never throws: a failure is logged and the next run tries again.
   */
  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void chainCommitted() {
    schema.expectedVersion();
    self.getBusinessObject(AuditChainer.class).chainCommittedNow();
  }

  /** One run of the one-second timer: chains what is pending unless another chainer is at it. */
  public void chainCommittedNow() {
    chainUnlessBusy(BATCHES_PER_RUN);
  }

  private int chainUnlessBusy(int maxBatches) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        return AuditStore.chainUnlessBusy(c, BATCH, maxBatches);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      failed(e);
      return 0;
    }
  }

  /**
   * Chains every entry not chained yet, waiting for the chain's lock if another chainer holds it;
   * returns how many. Never throws: a failure is logged and the next run tries again.
   */
  public int chainAll() {
    int total = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int chained;
        do {
          AuditStore.lock(c);
          chained = AuditStore.chainPending(c, BATCH);
          c.commit();
          total += chained;
        } while (chained == BATCH);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      failed(e);
    }
    return total;
  }

  /**
   * Logs a failure to chain by its kind only: a database message may quote the row (an entry's
   * details), which does not belong in the server log.
   */
  private static void failed(Exception e) {
    String state = e instanceof SQLException sql ? sql.getSQLState() : null;
    LOG.warning(
        () ->
            "Audit entries could not be chained ("
                + e.getClass().getName()
                + (state == null ? "" : ", SQL state " + state)
                + "); the timer tries again within a second");
  }

  /**
   * Signs the head of the chain unless it was signed already.
   *
   * @return the sequence number signed; 0 when the chain is empty or its head signed already
   */
  public long signHead() throws SQLException, CaException {
    AuditStore.Head head;
    try (Connection c = dataSource.getConnection()) {
      head = AuditStore.head(c);
      if (head.seq() == 0 || signed(c, head.seq())) {
        return 0;
      }
    }
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    byte[] signature;
    try (CaConnection connection = ca.getConnection()) {
      signature =
          connection.signAuditHead(
              head.seq(), head.hash(), now.toInstant(java.time.ZoneOffset.UTC));
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_head_signature (seq, head_hash, signed_at, signature)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING")) {
      insert.setLong(1, head.seq());
      insert.setBytes(2, head.hash());
      insert.setTimestamp(3, Timestamp.valueOf(now));
      insert.setBytes(4, signature);
      insert.executeUpdate();
    }
    long seq = head.seq();
    LOG.info(() -> "Signed the audit chain's head at entry " + seq);
    return seq;
  }

  private static boolean signed(Connection c, long seq) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM audit_head_signature WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
