package cn.cwca.portal.account;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Spends one try of a password-reset code in a transaction of its own: a wrong try must stay
 * counted although the reset then fails with a {@code BusinessException} and rolls its own
 * transaction back. The row is locked, so parallel guesses are counted one after the other. Used by
 * {@link PasswordResetService} only.
 */
@Stateless
@PermitAll
public class SmsCodeAttempts {

  /** Audit action of a wrong or refused code. */
  static final String CODE_REFUSED = "password.codeRefused";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** Tries {@code candidate} against the code with this id and commits the outcome. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public SmsCode.Outcome attempt(long codeId, String candidate, ClientInfo c) {
    SmsCode code = em.find(SmsCode.class, codeId, LockModeType.PESSIMISTIC_WRITE);
    if (code == null) {
      return SmsCode.Outcome.UNUSABLE;
    }
    SmsCode.Outcome outcome = code.attempt(candidate, LocalDateTime.now(clock));
    if (outcome != SmsCode.Outcome.ACCEPTED) {
      audit.record(
          code.getLoginName(),
          CODE_REFUSED,
          code.getLoginName(),
          outcome + ", tries=" + code.getTries(),
          c);
    }
    return outcome;
  }
}
