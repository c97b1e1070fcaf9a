package cn.cwca.portal.account;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.persistence.AdvisoryLocks;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Checks login name and password, and throttles guessing with the rules of {@link
 * LoginThrottlePolicy}. Attempts are counted in the table {@code login_attempt}, so the limits hold
 * across every server of the cluster. A successful login clears the failures of its login name (not
 * those of its address); refused attempts are not counted, so a block ends on time.
 */
@Stateless
@PermitAll
public class LoginService {

  /** Audit actions. */
  static final String SUCCEEDED = "login.succeeded";

  static final String FAILED = "login.failed";
  static final String DISABLED = "login.disabled";

  /**
   * Verified against when the login name is unknown, so that a wrong name costs the same time as a
   * wrong password and response times do not reveal which login names exist.
   */
  private static final String UNKNOWN_ACCOUNT_HASH =
      PasswordHasher.hash("no account has this password".toCharArray());

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AccountService accounts;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /**
   * The outcome of a login name and password: the account they log in to, or none; {@code disabled}
   * when the password was right but the account is disabled (the page then says so: only who knows
   * the password learns that the account exists).
   */
  public record Checked(Optional<Account> account, boolean disabled) {}

  /**
   * The account whose login name and password these are, or empty (the page says {@code
   * login.failed}); a disabled account is never returned, even with its password. Records the
   * attempt and its audit entry.
   *
   * @throws BusinessException {@code login.throttled} with the minutes to wait when the login name
   *     has 5 or the address 20 failures within 15 minutes; the password is not checked then
   */
  public Optional<Account> authenticate(String loginName, String password, ClientInfo c) {
    return check(loginName, password, c).account();
  }

  /**
   * Like {@link #authenticate}, telling a disabled account with the right password apart ({@link
   * Checked#disabled}).
   *
   * @throws BusinessException {@code login.throttled}, as {@link #authenticate}
   */
  public Checked check(String loginName, String password, ClientInfo c) {
    LocalDateTime now = LocalDateTime.now(clock);
    String typed = loginName == null ? "" : loginName.strip();
    String address = c == null ? "" : c.throttlingKey();
    Optional<Account> account = accounts.find(typed);
    String throttledName = account.map(Account::getLoginName).orElse(typed);
    serialiseAttempts(throttledName, address);
    refuseWhenThrottled(throttledName, address, now);

    char[] secret = password == null ? new char[0] : password.toCharArray();
    boolean valid = false;
    try {
      if (account.isPresent()) {
        valid = account.get().passwordMatches(secret);
      } else {
        PasswordHasher.verify(secret, UNKNOWN_ACCOUNT_HASH);
      }
    } finally {
      PasswordHasher.wipe(secret);
    }

    if (valid && account.get().isDisabled()) {
      // counted as a failure, so that guessing a disabled account's password stays throttled
      em.persist(new LoginAttempt(throttledName, address, false, now));
      audit.record(throttledName, DISABLED, throttledName, null, c);
      return new Checked(Optional.empty(), true);
    }
    em.persist(new LoginAttempt(throttledName, address, valid, now));
    audit.record(throttledName, valid ? SUCCEEDED : FAILED, throttledName, null, c);
    return new Checked(valid ? account : Optional.empty(), false);
  }

  /**
   * One attempt per login name and per address at a time, until its transaction ends: the count of
   * earlier failures and this attempt's record are one step, so that a burst of parallel wrong
   * passwords gets no more tries than a sequence would (transaction-scoped advisory locks, always
   * taken in this order).
   */
  private void serialiseAttempts(String loginName, String address) {
    AdvisoryLocks.holdUntilCommit(
        em, "login_name", LoginAttempt.cut(loginName, LoginAttempt.MAX_LOGIN_NAME));
    AdvisoryLocks.holdUntilCommit(
        em, "login_address", LoginAttempt.cut(address, LoginAttempt.MAX_REMOTE_ADDRESS));
  }

  private void refuseWhenThrottled(String loginName, String address, LocalDateTime now) {
    LocalDateTime windowStart = LoginThrottlePolicy.windowStart(now);
    LocalDateTime lastSuccess =
        em.createNamedQuery(LoginAttempt.LAST_SUCCESS_FOR_LOGIN_NAME, LocalDateTime.class)
            .setParameter("loginName", LoginAttempt.cut(loginName, LoginAttempt.MAX_LOGIN_NAME))
            .setParameter("since", windowStart)
            .getSingleResult();
    List<LocalDateTime> nameFailures =
        failures(
            LoginAttempt.FAILURES_FOR_LOGIN_NAME,
            "loginName",
            LoginAttempt.cut(loginName, LoginAttempt.MAX_LOGIN_NAME),
            lastSuccess == null ? windowStart : lastSuccess,
            LoginThrottlePolicy.MAX_FAILURES_PER_LOGIN_NAME);
    List<LocalDateTime> addressFailures =
        failures(
            LoginAttempt.FAILURES_FROM_ADDRESS,
            "remoteAddress",
            LoginAttempt.cut(address, LoginAttempt.MAX_REMOTE_ADDRESS),
            windowStart,
            LoginThrottlePolicy.MAX_FAILURES_PER_ADDRESS);
    Optional<Long> nameWait =
        LoginThrottlePolicy.minutesToWait(
            nameFailures, LoginThrottlePolicy.MAX_FAILURES_PER_LOGIN_NAME, now);
    Optional<Long> addressWait =
        LoginThrottlePolicy.minutesToWait(
            addressFailures, LoginThrottlePolicy.MAX_FAILURES_PER_ADDRESS, now);
    if (nameWait.isPresent() || addressWait.isPresent()) {
      long minutes = Math.max(nameWait.orElse(0L), addressWait.orElse(0L));
      throw new BusinessException("login.throttled", minutes);
    }
  }

  private List<LocalDateTime> failures(
      String query, String parameter, String value, LocalDateTime since, int limit) {
    return em.createNamedQuery(query, LocalDateTime.class)
        .setParameter(parameter, value)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultList();
  }
}
