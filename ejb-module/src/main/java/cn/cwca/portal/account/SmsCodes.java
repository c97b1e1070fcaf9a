package cn.cwca.portal.account;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.persistence.AdvisoryLocks;
import cn.cwca.portal.sms.SmsGateway;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Sends and checks the SMS verification codes of every {@link SmsPurpose}, within the limits of
 * {@link SmsCodePolicy}, which count the codes of all purposes together. Used by the services of
 * this package only; codes are stored hashed and never logged.
 */
@Stateless
@PermitAll
public class SmsCodes {

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject SmsGateway sms;

  @Inject SmsCodeAttempts attempts;

  Clock clock = Clock.systemUTC();

  /**
   * Records a new code for the purpose, login name and number, and sends it when {@code deliver}.
   *
   * @param loginName the account the code is for; empty for a registration
   * @param number a valid mobile number
   * @param deliver whether the SMS leaves (a password reset pretends to send for an account that
   *     does not exist or a number not bound to it)
   * @throws BusinessException {@code sms.tooSoon} within a minute of the last code for this number;
   *     {@code sms.dailyLimit} after 10 codes for it today; {@code sms.addressLimit} after the
   *     address's allowance of codes within an hour, whatever the numbers
   */
  public void send(
      SmsPurpose purpose, String loginName, String number, boolean deliver, ClientInfo c) {
    // one request per number and per address at a time, so that a burst cannot pass the limits
    AdvisoryLocks.holdUntilCommit(em, "sms_code", number);
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime lastRequest =
        em.createNamedQuery(SmsCode.LAST_REQUEST_FOR_MOBILE, LocalDateTime.class)
            .setParameter("mobile", number)
            .getSingleResult();
    if (SmsCodePolicy.tooSoon(lastRequest, now)) {
      throw new BusinessException("sms.tooSoon");
    }
    long today =
        em.createNamedQuery(SmsCode.COUNT_FOR_MOBILE_SINCE, Long.class)
            .setParameter("mobile", number)
            .setParameter("since", SmsCodePolicy.startOfDay(now))
            .getSingleResult();
    if (SmsCodePolicy.dailyLimitReached(today)) {
      throw new BusinessException("sms.dailyLimit");
    }
    String address =
        LoginAttempt.cut(c == null ? "" : c.throttlingKey(), LoginAttempt.MAX_REMOTE_ADDRESS);
    AdvisoryLocks.holdUntilCommit(em, "sms_code_address", address);
    long fromAddress =
        em.createNamedQuery(SmsCode.COUNT_FROM_ADDRESS_SINCE, Long.class)
            .setParameter("address", address)
            .setParameter("since", now.minus(SmsCodePolicy.ADDRESS_WINDOW))
            .getSingleResult();
    if (SmsCodePolicy.addressLimitReached(fromAddress)) {
      throw new BusinessException("sms.addressLimit");
    }
    String code = SmsCode.newCode(random);
    em.persist(new SmsCode(purpose, loginName, number, code, deliver, address, now, random));
    if (deliver) {
      sms.send(number, purpose.messageText(code));
    }
  }

  /**
   * Tries {@code candidate} against the latest code for the purpose, login name and number; the try
   * counts also when the caller's transaction then rolls back. An accepted code is used up.
   *
   * @return {@link SmsCode.Outcome#WRONG} also when no code was requested
   */
  public SmsCode.Outcome check(
      SmsPurpose purpose, String loginName, String number, String candidate, ClientInfo c) {
    Optional<SmsCode> latest =
        em.createNamedQuery(SmsCode.LATEST_FOR, SmsCode.class)
            .setParameter("purpose", purpose)
            .setParameter("loginName", LoginAttempt.cut(loginName, LoginAttempt.MAX_LOGIN_NAME))
            .setParameter("mobile", number)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    return latest.isEmpty()
        ? SmsCode.Outcome.WRONG
        : attempts.attempt(latest.get().getId(), candidate, c);
  }
}
