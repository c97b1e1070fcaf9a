package cn.cwca.portal.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.audit.AuditTrail;
import cn.cwca.portal.audit.AuditVerdict;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain in the server: appends from 8 concurrent business transactions, chained after
 * their commits by the chaining timer, make one chain (no two entries at one place, no gap, a
 * transaction's entries in its order), an entry is chained soon after its commit without anyone
 * asking, 校验 (which chains what is pending first) finds the chain intact, finds a row changed with
 * plain SQL at its place, and the CA signs the head.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

  private static final int TRANSACTIONS = 8;
  private static final int ROUNDS = 25;
  private static final ClientInfo CLIENT = new ClientInfo("192.0.2.77");

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        AuditChainIT.class, AuditCallers.class, SwitchingCallers.class);
  }

  @EJB AuditLog audit;
  @EJB AuditTrail trail;

  @Inject UserTransaction tx;

  @Resource ManagedExecutorService executor;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Test
  void concurrentAppendsMakeOneIntactChain() throws Exception {
    String target = "it-audit-" + UUID.randomUUID();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < TRANSACTIONS; t++) {
      int thread = t;
      done.add(
          executor.submit(
              () -> {
                for (int round = 0; round < ROUNDS; round++) {
                  tx.begin();
                  try {
                    // two entries in one transaction: the second follows the first
                    audit.record("it-audit", "audit.test", target, thread + "/" + round, CLIENT);
                    audit.record(
                        "it-audit", "audit.test", target, thread + "/" + round + "b", CLIENT);
                    tx.commit();
                  } catch (Exception e) {
                    tx.rollback();
                    throw e;
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }

    // 校验 chains what is still pending first: every entry committed before it is in the chain
    AuditVerdict verdict = trail.verify();
    assertTrue(verdict.intact(), verdict::toString);
    assertEquals(0, verdict.unchained());
    assertFalse(verdict.chainingStalled());
    List<Long> seqs = seqs(target);
    assertEquals(TRANSACTIONS * ROUNDS * 2, seqs.size());
    assertFalse(seqs.contains(null), "every entry chained");
    assertEquals(seqs.size(), seqs.stream().distinct().count(), "one place per entry");
    assertTrue(verdict.entries() >= seqs.size());
    for (int t = 0; t < TRANSACTIONS; t++) {
      for (int round = 0; round < ROUNDS; round++) {
        String first = t + "/" + round;
        assertTrue(
            seq(target, first) < seq(target, first + "b"),
            "a transaction's second entry follows its first: " + first);
      }
    }
  }

  @Test
  void anEntryIsChainedSoonAfterItsCommitWithoutVerification() throws Exception {
    String target = "it-audit-" + UUID.randomUUID();
    tx.begin();
    audit.record("it-audit", "audit.test", target, "chained after commit", CLIENT);
    tx.commit();
    // chained by the next run of the one-second chaining timer of one of the servers
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (seqs(target).contains(null)) {
      assertTrue(System.nanoTime() < deadline, "the entry was never chained");
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    assertEquals(1, seqs(target).size());
  }

  @Test
  void verificationFindsARowChangedWithPlainSql() throws Exception {
    String target = "it-audit-" + UUID.randomUUID();
    tx.begin();
    for (int i = 0; i < 3; i++) {
      audit.record("it-audit", "audit.test", target, "original " + i, CLIENT);
    }
    tx.commit();
    assertTrue(trail.verify().intact(), "chained and intact before the change");
    long changed = seqs(target).get(1);
    update("UPDATE audit_entry SET details = 'tampered' WHERE seq = ?", changed);
    try {
      AuditVerdict verdict = trail.verify();
      assertEquals(AuditVerdict.Problem.CHANGED, verdict.problem(), verdict::toString);
      assertEquals(changed, verdict.seq());
    } finally {
      // the same value as before: the shared test database's chain is intact again
      update("UPDATE audit_entry SET details = 'original 1' WHERE seq = ?", changed);
    }
    assertTrue(trail.verify().intact());
  }

  @Test
  void theHeadIsSignedByTheCaAndCheckedByVerification() throws Exception {
    tx.begin();
    audit.record("it-audit", "audit.test", "it-audit-head", "head", CLIENT);
    tx.commit();
    long signed = trail.signHeadNow();
    assertTrue(signed > 0, "a new head was signed");
    assertEquals(0, trail.signHeadNow(), "an unchanged head is not signed twice");
    AuditVerdict verdict = trail.verify();
    assertTrue(verdict.intact(), verdict::toString);
    assertTrue(verdict.signedHeads() >= 1);
    assertTrue(verdict.lastSignedSeq() >= signed);
  }

  /** The places of the target's entries in chain order, null for an entry not chained yet. */
  private List<Long> seqs(String target) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT seq FROM audit_entry WHERE target = ? ORDER BY seq, id")) {
      s.setString(1, target);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getObject(1, Long.class));
        }
      }
    }
    return seqs;
  }

  /** The place of the target's entry with these details. */
  private long seq(String target, String details) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT seq FROM audit_entry WHERE target = ? AND details = ? AND seq IS NOT NULL")) {
      s.setString(1, target);
      s.setString(2, details);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "chained: " + details);
        return rs.getLong(1);
      }
    }
  }

  private void update(String sql, long seq) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, seq);
      assertEquals(1, s.executeUpdate());
    }
  }
}
