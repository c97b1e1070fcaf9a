package cn.cwca.portal.sms;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The shipped {@link SmsGateway}: stores each message in the table {@code sms_outbox} in the
 * caller's transaction, so a message exists exactly when the business change that sent it was
 * committed. Staff read the outbox on the admin page; a connector to a real provider can drain it.
 */
@Stateless
@Local(SmsGateway.class)
@PermitAll
public class OutboxSmsGateway implements SmsGateway {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  @Override
  public void send(String mobile, String text) {
    em.persist(
        new SmsMessage(
            Objects.requireNonNull(mobile, "mobile"),
            Objects.requireNonNull(text, "text"),
            LocalDateTime.now(clock)));
  }
}
