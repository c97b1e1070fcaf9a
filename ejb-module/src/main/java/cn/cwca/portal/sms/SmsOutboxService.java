package cn.cwca.portal.sms;

import cn.cwca.portal.account.SmsCodePolicy;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** The outbox for the administrators' page, read-only and paged for a lazy table. */
@Stateless
@DeclareRoles("ADMIN")
@RolesAllowed("ADMIN")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SmsOutboxService {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** How far apart the code's request and its message may be stamped (same transaction). */
  static final Duration SAME_REQUEST = Duration.ofSeconds(5);

  Clock clock = Clock.systemUTC();

  /**
   * Messages newest first, from row {@code first} (0-based), at most {@code max}; a verification
   * code is legible only while pending, a key's user PIN never ({@link OutboxMessage}).
   */
  public List<OutboxMessage> latest(int first, int max) {
    if (max <= 0) {
      return List.of();
    }
    LocalDateTime now = LocalDateTime.now(clock);
    return em
        .createNamedQuery(SmsMessage.LATEST, SmsMessage.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(
            m ->
                new OutboxMessage(
                    m.getId(),
                    m.getMobile(),
                    OutboxMessage.shown(
                        m.getText(),
                        OutboxMessage.hasCode(m.getText()),
                        OutboxMessage.hasCode(m.getText()) && pending(m, now)),
                    m.getSentAt()))
        .toList();
  }

  /** Whether the code of a code message is still usable: not expired and not used. */
  private boolean pending(SmsMessage m, LocalDateTime now) {
    if (!now.isBefore(m.getSentAt().plus(SmsCodePolicy.VALIDITY))) {
      return false;
    }
    Number used =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM sms_code WHERE mobile = ?1 AND used_at IS NOT NULL"
                        + " AND requested_at BETWEEN ?2 AND ?3")
                .setParameter(1, m.getMobile())
                .setParameter(2, m.getSentAt().minus(SAME_REQUEST))
                .setParameter(3, m.getSentAt().plus(SAME_REQUEST))
                .getSingleResult();
    return used.longValue() == 0;
  }

  /** Number of messages in the outbox. */
  public long count() {
    return em.createNamedQuery(SmsMessage.COUNT, Long.class).getSingleResult();
  }
}
