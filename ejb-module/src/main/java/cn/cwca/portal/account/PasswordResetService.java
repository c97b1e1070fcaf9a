package cn.cwca.portal.account;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.rules.FieldRule;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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

  @Inject AccountService accounts;

  @Inject SmsCodes codes;

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
    String typed = FieldInput.required(loginName);
    String number = FieldInput.checked(FieldRule.MOBILE, mobile);
    Optional<Account> account = accounts.find(typed);
    boolean deliver = account.map(a -> a.getMobile().equals(number)).orElse(false);
    String name = account.map(Account::getLoginName).orElse(typed);
    codes.send(SmsPurpose.PASSWORD_RESET, name, number, deliver, c);
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
    String typed = FieldInput.required(loginName);
    String number = FieldInput.checked(FieldRule.MOBILE, mobile);
    FieldInput.required(code);
    char[] password = AccountInput.newPassword(newPassword, confirmation);
    try {
      // The same steps whether or not the account exists and the number is bound to it (the code
      // of an unbound pair is never accepted, see SmsCode#attempt), so that the answers do not
      // tell which.
      Optional<Account> account = accounts.find(typed);
      String name = account.map(Account::getLoginName).orElse(typed);
      switch (codes.check(SmsPurpose.PASSWORD_RESET, name, number, code, c)) {
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
}
