package cn.cwca.portal.audit;

import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes the audit trail inside the transaction of the change it records, so that an entry exists
 * exactly when the change was committed. The entry is written unchained, with no lock and no read
 * of the chain, so that business transactions do not wait for each other; the {@link AuditChainer}
 * chains the committed entries every second, in batches.
 */
@Stateless
@PermitAll
public class AuditLog {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /**
   * Records an action; must run inside the caller's transaction.
   *
   * @param details what changed; never a password or a verification code
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(String actor, String action, String target, String details, ClientInfo c) {
    em.persist(
        new AuditEntry(
            actor,
            action,
            target,
            details,
            c == null ? null : c.remoteAddress(),
            LocalDateTime.now(clock)));
  }

  /** Entries about one target (a login name, {@code notice:<id>}), newest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEntry> forTarget(String target) {
    return em.createNamedQuery(AuditEntry.FOR_TARGET, AuditEntry.class)
        .setParameter("target", target)
        .getResultList();
  }
}
