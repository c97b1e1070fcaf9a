package cn.cwca.portal.it.audit;

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
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain in the server: appends from 8 concurrent business transactions make one chain (no
 * two entries at one place, no gap), 校验 finds it intact, finds a row changed with plain SQL at its
 * place, and the CA signs the head.
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

    List<Long> seqs = seqs(target);
    assertEquals(TRANSACTIONS * ROUNDS * 2, seqs.size());
    assertEquals(seqs.size(), seqs.stream().distinct().count(), "one place per entry");
    AuditVerdict verdict = trail.verify();
    assertTrue(verdict.intact(), verdict::toString);
    assertTrue(verdict.entries() >= seqs.size());
    assertEquals(0, verdict.unchained());
  }

  @Test
  void verificationFindsARowChangedWithPlainSql() throws Exception {
    String target = "it-audit-" + UUID.randomUUID();
    tx.begin();
    for (int i = 0; i < 3; i++) {
      audit.record("it-audit", "audit.test", target, "original " + i, CLIENT);
    }
    tx.commit();
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

  private List<Long> seqs(String target) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT seq FROM audit_entry WHERE target = ? ORDER BY seq")) {
      s.setString(1, target);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
    }
    return seqs;
  }

  private void update(String sql, long seq) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, seq);
      assertEquals(1, s.executeUpdate());
    }
  }
}
