package cn.cwca.portal.account;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.rules.FieldRule;
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
 * 忘记密码: a six-digit code by SMS to the mobile number bound to the account, then a new password. The
 * page cannot tell whether an account exists or the number is bound to it: sending always ends the
 * same way and the sending limits of {@link SmsCodePolicy} apply to every request; a reset for an
 * unknown account or a number not bound to it goes through the same steps and answers as one with a
 * wrong code, the try limit and the expiry included. Codes are stored hashed and never logged.
 */
@Stateless
@PermitAll
public class PasswordResetService {

  /** Audit actions. */
  static final String CODE_SENT = "password.codeSent";

  static final String CODE_NOT_SENT = "password.codeNotSent";
  static final String RESET = "password.reset";

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AccountService accounts;

  @Inject SmsGateway sms;

  @Inject SmsCodeAttempts attempts;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /**
   * Sends a code when the account exists and the mobile number is bound to it, and otherwise
   * pretends to.
   *
   * @throws BusinessException {@code validation.required}, {@code validation.mobile}; {@code
   *     sms.tooSoon} within a minute of the last request for this number; {@code sms.dailyLimit}
   *     after 10 requests today; {@code sms.addressLimit} after 30 requests from this address
   *     within an hour, whatever the numbers
   */
  public void sendCode(String loginName, String mobile, ClientInfo c) {
    String typed = AccountInput.required(loginName);
    String number = AccountInput.checked(FieldRule.MOBILE, mobile);
    serializeRequestsFor(number);
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
        LoginAttempt.cut(c == null ? "" : c.remoteAddress(), LoginAttempt.MAX_REMOTE_ADDRESS);
    serializeRequestsFrom(address);
    long fromAddress =
        em.createNamedQuery(SmsCode.COUNT_FROM_ADDRESS_SINCE, Long.class)
            .setParameter("address", address)
            .setParameter("since", now.minus(SmsCodePolicy.ADDRESS_WINDOW))
            .getSingleResult();
    if (SmsCodePolicy.addressLimitReached(fromAddress)) {
      throw new BusinessException("sms.addressLimit");
    }

    Optional<Account> account = accounts.find(typed);
    boolean deliver = account.map(a -> a.getMobile().equals(number)).orElse(false);
    String name = account.map(Account::getLoginName).orElse(typed);
    String code = SmsCode.newCode(random);
    em.persist(new SmsCode(name, number, code, deliver, address, now, random));
    if (deliver) {
      sms.send(number, SmsCodePolicy.messageText(code));
    }
    audit.record(name, deliver ? CODE_SENT : CODE_NOT_SENT, name, "mobile=" + number, c);
  }

  /**
   * Sets a new password with the code of the latest request for this login name and mobile number.
   *
   * @throws BusinessException {@code validation.*} for the new password; {@code reset.codeInvalid}
   *     for a wrong code, an unknown account or a number not bound to it; {@code reset.codeExpired}
   *     after 5 minutes; {@code reset.tooManyTries} after 5 tries (the last two also for an unknown
   *     account or a number not bound to it)
   */
  public void resetPassword(
      String loginName,
      String mobile,
      String code,
      String newPassword,
      String confirmation,
      ClientInfo c) {
    String typed = AccountInput.required(loginName);
    String number = AccountInput.checked(FieldRule.MOBILE, mobile);
    AccountInput.required(code);
    char[] password = AccountInput.newPassword(newPassword, confirmation);
    try {
      // The same steps whether or not the account exists and the number is bound to it (the code
      // of an unbound pair is never accepted, see SmsCode#attempt), so that the answers do not
      // tell which.
      Optional<Account> account = accounts.find(typed);
      String name = account.map(Account::getLoginName).orElse(typed);
      SmsCode latest =
          em.createNamedQuery(SmsCode.LATEST_FOR_LOGIN_NAME_AND_MOBILE, SmsCode.class)
              .setParameter("loginName", LoginAttempt.cut(name, LoginAttempt.MAX_LOGIN_NAME))
              .setParameter("mobile", number)
              .setMaxResults(1)
              .getResultStream()
              .findFirst()
              .orElseThrow(() -> new BusinessException("reset.codeInvalid"));
      switch (attempts.attempt(latest.getId(), code, c)) {
        case ACCEPTED ->
            account
                .filter(a -> a.getMobile().equals(number))
                .orElseThrow(() -> new BusinessException("reset.codeInvalid"))
                .changePassword(password, LocalDateTime.now(clock));
        case EXPIRED -> throw new BusinessException("reset.codeExpired");
        case EXHAUSTED -> throw new BusinessException("reset.tooManyTries");
        case WRONG, UNUSABLE -> throw new BusinessException("reset.codeInvalid");
      }
      audit.record(name, RESET, name, "by SMS code", c);
    } finally {
      PasswordHasher.wipe(password);
    }
  }

  /**
   * Makes concurrent requests for one mobile number (from any server of the cluster) wait for each
   * other until commit, so that the per-number limits cannot be passed by sending in parallel.
   * PostgreSQL advisory lock.
   */
  /** One request per address at a time, so that a burst cannot pass the address limit. */
  private void serializeRequestsFrom(String address) {
    em.createNativeQuery(
            "SELECT 1 FROM pg_advisory_xact_lock(hashtext('sms_code_address'), hashtext(?1))")
        .setParameter(1, address)
        .getSingleResult();
  }

  private void serializeRequestsFor(String mobile) {
    em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('sms_code'), hashtext(?1))")
        .setParameter(1, mobile)
        .getSingleResult();
  }
}
