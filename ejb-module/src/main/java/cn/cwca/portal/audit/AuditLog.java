package cn.cwca.portal.audit;

import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.persistence.AdvisoryLocks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes the audit trail inside the transaction of the change it records, so that an entry exists
 * exactly when the change was committed. Each entry is chained ({@link AuditHash}) after the head
 * of the chain: the first entry of a transaction takes the chain's advisory lock ({@link
 * AuditStore#LOCK_SCOPE}), held until the transaction ends, so that the appends of concurrent
 * transactions on every server come one after the other; business transactions therefore record
 * their entries as their last step.
 */
@Stateless
@PermitAll
public class AuditLog {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** The head this transaction's last entry left, so that its next entry follows it. */
  private static final String HEAD = AuditLog.class.getName() + ".head";

  @Resource TransactionSynchronizationRegistry transaction;

  Clock clock = Clock.systemUTC();

  /**
   * Records an action; must run inside the caller's transaction.
   *
   * @param details what changed; never a password or a verification code
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(String actor, String action, String target, String details, ClientInfo c) {
    AuditStore.Head head = (AuditStore.Head) transaction.getResource(HEAD);
    if (head == null) {
      // The first entry of this transaction: wait for the appends of other transactions (of every
      // server) to commit, then read the head they left. The lock is held until this commits.
      // The transaction's changes are written first, so that the rows they lock are locked before
      // the chain is: a transaction holding the chain then needs no row another one holds while
      // waiting for the chain (no deadlock).
      em.flush();
      AdvisoryLocks.holdUntilCommit(em, AuditStore.LOCK_SCOPE, AuditStore.LOCK_KEY);
      head = readHead();
    }
    AuditEntry entry =
        new AuditEntry(
            actor,
            action,
            target,
            details,
            c == null ? null : c.remoteAddress(),
            LocalDateTime.now(clock));
    entry.chain(head.seq() + 1, head.hash());
    em.persist(entry);
    transaction.putResource(HEAD, new AuditStore.Head(entry.getSeq(), entry.getEntryHash()));
  }

  private AuditStore.Head readHead() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(AuditStore.HEAD_SQL).getResultList();
    if (rows.isEmpty()) {
      return AuditStore.Head.EMPTY;
    }
    Object[] row = rows.get(0);
    return new AuditStore.Head(((Number) row[0]).longValue(), (byte[]) row[1]);
  }

  /** Entries about one target (a login name, {@code notice:<id>}), newest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEntry> forTarget(String target) {
    return em.createNamedQuery(AuditEntry.FOR_TARGET, AuditEntry.class)
        .setParameter("target", target)
        .getResultList();
  }
}
