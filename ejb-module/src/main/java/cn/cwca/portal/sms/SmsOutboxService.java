package cn.cwca.portal.sms;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The outbox for the administrators' page, read-only and paged for a lazy table. */
@Stateless
@DeclareRoles("ADMIN")
@RolesAllowed("ADMIN")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SmsOutboxService {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** Messages newest first, from row {@code first} (0-based), at most {@code max}. */
  public List<SmsMessage> latest(int first, int max) {
    if (max <= 0) {
      return List.of();
    }
    return em.createNamedQuery(SmsMessage.LATEST, SmsMessage.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(max)
        .getResultList();
  }

  /** Number of messages in the outbox. */
  public long count() {
    return em.createNamedQuery(SmsMessage.COUNT, Long.class).getSingleResult();
  }
}
