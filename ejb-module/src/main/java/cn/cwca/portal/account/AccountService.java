package cn.cwca.portal.account;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.common.MaskedIdentifier;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.common.Settings;
import cn.cwca.portal.persistence.AdvisoryLocks;
import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.sms.SmsGateway;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Registration and the personal centre of applicants. Each change is one transaction with its audit
 * entry (target: the login name); passwords never reach the audit trail.
 */
@Stateless
@PermitAll
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
public class AccountService {

  /** Audit actions. */
  static final String REGISTERED = "account.registered";

  static final String PROFILE_UPDATED = "account.profileUpdated";
  static final String PASSWORD_CHANGED = "account.passwordChanged";
  static final String ONE_TIME_PASSWORD_REPLACED = "account.oneTimePasswordReplaced";
  static final String REGISTRATION_CODE_SENT = "account.registrationCodeSent";
  static final String MOBILE_CODE_SENT = "account.mobileCodeSent";
  static final String MOBILE_CHANGED = "account.mobileChanged";

  /**
   * Accounts one address may register within a day. Generous, as an office or a counter behind one
   * NAT address registers for many.
   */
  public static final int MAX_REGISTRATIONS_PER_ADDRESS_PER_DAY = 20;

  /** The setting that replaces {@link #MAX_REGISTRATIONS_PER_ADDRESS_PER_DAY}. */
  public static final String MAX_REGISTRATIONS_SETTING =
      "caportal.registration.maxPerAddressPerDay";

  /** SQLSTATE of a unique constraint violation (PostgreSQL). */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String LOGIN_NAME_CONSTRAINT = "account_login_name_uk";
  private static final String MOBILE_CONSTRAINT = "account_mobile_per_type_uk";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject SmsCodes codes;

  @Inject SmsGateway sms;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /**
   * 获取验证码 on the registration page: sends a code that proves the mobile number. Whether an account
   * already uses the number is told only when the registration is submitted.
   *
   * @throws BusinessException {@code validation.required}, {@code validation.mobile}; the {@code
   *     sms.*} limits of {@link SmsCodes#send}
   */
  public void sendRegistrationCode(String mobile, ClientInfo c) {
    String number = FieldInput.checked(FieldRule.MOBILE, mobile);
    codes.send(SmsPurpose.REGISTRATION, "", number, true, c);
    audit.record("", REGISTRATION_CODE_SENT, number, "", c);
  }

  /**
   * Registers a natural person; the login name is the ID number.
   *
   * @throws BusinessException a {@code validation.*} key for a field that breaks its rule; {@code
   *     account.duplicate.idNumber} or {@code account.duplicate.mobile} for a duplicate; {@code
   *     registration.addressLimit} after the address's allowance of registrations a day; a {@code
   *     code.*} key when the SMS code is not the one sent to the mobile number (checked last)
   */
  public Account registerPerson(PersonRegistration r, ClientInfo c) {
    String name = FieldInput.name(r.name());
    String mobile = FieldInput.checked(FieldRule.MOBILE, r.mobile());
    if (r.idType() == null) {
      throw new BusinessException("validation.required");
    }
    String idNumber = FieldInput.checked(r.idType().rule(), r.idNumber());
    String division = AccountInput.division(r.divisionCode());
    char[] password = AccountInput.newPassword(r.password(), r.passwordConfirmation());
    String duplicateName = "account.duplicate.idNumber";
    refuseDuplicates(idNumber, duplicateName, AccountType.NATURAL_PERSON, mobile);
    refuseBeyondAddressLimit(c);
    proveMobile(SmsPurpose.REGISTRATION, "", mobile, r.smsCode(), c);
    Account account;
    try {
      account =
          Account.naturalPerson(name, mobile, r.idType(), idNumber, division, password, now());
    } finally {
      PasswordHasher.wipe(password);
    }
    account.registeredFrom(throttlingKey(c));
    persist(account, duplicateName);
    audit.record(
        idNumber,
        REGISTERED,
        idNumber,
        "type=NATURAL_PERSON, idType="
            + r.idType()
            + ", division="
            + division
            + ", mobile="
            + mobile,
        c);
    return account;
  }

  /**
   * Registers an organisation; the login name is the unified social credit code.
   *
   * @throws BusinessException a {@code validation.*} key for a field that breaks its rule; {@code
   *     account.duplicate.creditCode} or {@code account.duplicate.mobile} for a duplicate; {@code
   *     registration.addressLimit}; a {@code code.*} key, as for {@link #registerPerson}
   */
  public Account registerOrganisation(OrganisationRegistration r, ClientInfo c) {
    String name = FieldInput.name(r.organisationName());
    String creditCode = FieldInput.checked(FieldRule.CREDIT_CODE, r.creditCode());
    String division = AccountInput.division(r.divisionCode());
    String mobile = FieldInput.checked(FieldRule.MOBILE, r.mobile());
    String legalRepresentative = FieldInput.name(r.legalRepresentative());
    char[] password = AccountInput.newPassword(r.password(), r.passwordConfirmation());
    String duplicateName = "account.duplicate.creditCode";
    refuseDuplicates(creditCode, duplicateName, AccountType.ORGANISATION, mobile);
    refuseBeyondAddressLimit(c);
    proveMobile(SmsPurpose.REGISTRATION, "", mobile, r.smsCode(), c);
    Account account;
    try {
      account =
          Account.organisation(
              name, creditCode, division, mobile, legalRepresentative, password, now());
    } finally {
      PasswordHasher.wipe(password);
    }
    account.registeredFrom(throttlingKey(c));
    persist(account, duplicateName);
    audit.record(
        creditCode,
        REGISTERED,
        creditCode,
        "type=ORGANISATION, division=" + division + ", mobile=" + mobile,
        c);
    return account;
  }

  /**
   * The account with this login name. Identifiers of applicants are stored upper-case (a resident
   * ID may end in {@code X}), so an applicant's login name is also found when typed in lower case;
   * staff user names match exactly.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Account> find(String loginName) {
    if (loginName == null || loginName.isBlank()) {
      return Optional.empty();
    }
    String name = loginName.strip();
    Optional<Account> exact =
        em.createNamedQuery(Account.BY_LOGIN_NAME, Account.class)
            .setParameter("loginName", name)
            .getResultStream()
            .findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals(name)) {
      return Optional.empty();
    }
    return em.createNamedQuery(Account.APPLICANT_BY_LOGIN_NAME, Account.class)
        .setParameter("loginName", upper)
        .setParameter("staff", AccountType.STAFF)
        .getResultStream()
        .findFirst();
  }

  /**
   * Changes 姓名 or 机构名称 and, for an organisation, 法定代表人. The audit entry lists each changed field,
   * old and new value. The mobile number changes only with {@link #changeMobile}.
   *
   * <p>Always the caller's own account: there is no parameter naming another one.
   *
   * @param shown the values the form showed and the edit started from ({@link ProfileUpdate#of}):
   *     when the account no longer has them, someone changed it in the meantime (another tab, or
   *     another person of the organisation), and the edit is refused rather than undo that change
   * @throws BusinessException {@code account.notFound}; {@code account.concurrentEdit}; a {@code
   *     validation.*} key; {@code account.mobile.changeWithCode} for another mobile number
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN"})
  public Account updateProfile(ProfileUpdate shown, ProfileUpdate u, ClientInfo c) {
    Account account = caller();
    if (!ProfileUpdate.of(account).equals(shown)) {
      throw new BusinessException("account.concurrentEdit");
    }
    String displayName = FieldInput.name(u.displayName());
    String mobile = FieldInput.checked(FieldRule.MOBILE, u.mobile());
    String legalRepresentative =
        account.getType() == AccountType.ORGANISATION
            ? FieldInput.name(u.legalRepresentative())
            : account.getLegalRepresentative();
    if (!mobile.equals(account.getMobile())) {
      throw new BusinessException("account.mobile.changeWithCode");
    }
    Map<String, String> changes = account.updateProfile(displayName, legalRepresentative, now());
    if (!changes.isEmpty()) {
      audit.record(
          account.getLoginName(),
          PROFILE_UPDATED,
          account.getLoginName(),
          changes.entrySet().stream()
              .map(change -> change.getKey() + ": " + change.getValue())
              .collect(Collectors.joining("; ")),
          c);
    }
    return account;
  }

  /**
   * Replaces the caller's password after checking the current one. The account's other sessions
   * end: the caller's own session goes on with the credentials version returned.
   *
   * @return the account's new credentials version
   * @throws BusinessException {@code account.password.currentWrong}; {@code validation.password};
   *     {@code validation.passwordConfirm}; {@code account.notFound}
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
  public int changePassword(
      String currentPassword, String newPassword, String confirmation, ClientInfo c) {
    Account account = caller();
    requireCurrentPassword(account, currentPassword);
    char[] password = AccountInput.newPassword(newPassword, confirmation);
    try {
      account.changePassword(password, now());
    } finally {
      PasswordHasher.wipe(password);
    }
    audit.record(
        account.getLoginName(),
        PASSWORD_CHANGED,
        account.getLoginName(),
        account.getType() == AccountType.STAFF ? "staff password page" : "personal centre",
        c);
    return account.getCredentialsVersion();
  }

  /**
   * A staff member's first password of their own, in place of the one-time password an
   * administrator gave them (a new account, a reset): until then they can do nothing else. The
   * account's other sessions end; the caller's goes on with the credentials version returned.
   *
   * @return the account's new credentials version
   * @throws BusinessException {@code account.password.notOneTime} when the account has no one-time
   *     password to replace; {@code validation.password}; {@code validation.passwordConfirm};
   *     {@code account.password.sameAsOneTime}; {@code account.notFound}
   */
  @RolesAllowed({"REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
  public int replaceOneTimePassword(String newPassword, String confirmation, ClientInfo c) {
    Account account = caller();
    if (!account.isMustChangePassword()) {
      throw new BusinessException("account.password.notOneTime");
    }
    char[] password = AccountInput.newPassword(newPassword, confirmation);
    try {
      if (account.passwordMatches(password)) {
        throw new BusinessException("account.password.sameAsOneTime");
      }
      account.replaceOneTimePassword(password, now());
    } finally {
      PasswordHasher.wipe(password);
    }
    audit.record(
        account.getLoginName(),
        ONE_TIME_PASSWORD_REPLACED,
        account.getLoginName(),
        "first login",
        c);
    return account.getCredentialsVersion();
  }

  /**
   * Whether the account with this login name must replace a one-time password before anything else
   * (false when there is no such account): read when a session logs in.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean mustChangePassword(String loginName) {
    return find(loginName).map(Account::isMustChangePassword).orElse(false);
  }

  /**
   * The credentials version of the account with this login name (it goes up with each password
   * change), empty when there is no such account: the web tier ends a session that logged in with
   * an older one.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Integer> credentialsVersion(String loginName) {
    return em.createNamedQuery(Account.CREDENTIALS_VERSION, Integer.class)
        .setParameter("loginName", loginName)
        .getResultStream()
        .findFirst();
  }

  /**
   * 更换手机号, step 1: sends a code to the new number, which must differ from the bound one and not be
   * bound to another account of the caller's type.
   *
   * @throws BusinessException {@code validation.required}, {@code validation.mobile}; {@code
   *     account.mobile.same}; {@code account.duplicate.mobile}; the {@code sms.*} limits of {@link
   *     SmsCodes#send}
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN"})
  public void sendMobileChangeCode(String newMobile, ClientInfo c) {
    Account account = caller();
    String number = newMobileFor(account, newMobile);
    codes.send(SmsPurpose.MOBILE_CHANGE, account.getLoginName(), number, true, c);
    audit.record(
        account.getLoginName(), MOBILE_CODE_SENT, account.getLoginName(), "to " + number, c);
  }

  /**
   * 更换手机号, step 2: binds the new number, proven with the current password and the code sent to it.
   * The old number gets a notice by SMS, so that its owner learns of a change they did not make.
   *
   * @throws BusinessException as {@link #sendMobileChangeCode}; {@code
   *     account.password.currentWrong}; a {@code code.*} key when the code is not the one sent to
   *     the new number
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN"})
  public Account changeMobile(
      String currentPassword, String newMobile, String smsCode, ClientInfo c) {
    Account account = caller();
    String number = newMobileFor(account, newMobile);
    requireCurrentPassword(account, currentPassword);
    proveMobile(SmsPurpose.MOBILE_CHANGE, account.getLoginName(), number, smsCode, c);
    String old = account.getMobile();
    account.changeMobile(number, now());
    flush("account.duplicate.mobile");
    if (!old.isEmpty()) {
      sms.send(old, Messages.format("sms.mobileChanged", MaskedIdentifier.of(number)));
    }
    audit.record(
        account.getLoginName(),
        MOBILE_CHANGED,
        account.getLoginName(),
        "mobile: " + old + " -> " + number,
        c);
    return account;
  }

  /**
   * @throws BusinessException {@code account.password.currentWrong} unless it is the account's
   *     password
   */
  private static void requireCurrentPassword(Account account, String currentPassword) {
    char[] current = currentPassword == null ? new char[0] : currentPassword.toCharArray();
    try {
      if (!account.passwordMatches(current)) {
        throw new BusinessException("account.password.currentWrong");
      }
    } finally {
      PasswordHasher.wipe(current);
    }
  }

  private String newMobileFor(Account account, String newMobile) {
    String number = FieldInput.checked(FieldRule.MOBILE, newMobile);
    if (number.equals(account.getMobile())) {
      throw new BusinessException("account.mobile.same");
    }
    if (mobileTaken(account.getType(), number, account.getId())) {
      throw new BusinessException("account.duplicate.mobile");
    }
    return number;
  }

  /**
   * Spends a try of the latest code sent for this purpose to the number; anything but the right,
   * fresh code refuses the request.
   *
   * @throws BusinessException {@code code.required}, {@code code.invalid}, {@code code.expired},
   *     {@code code.tooManyTries}
   */
  private void proveMobile(
      SmsPurpose purpose, String loginName, String number, String code, ClientInfo c) {
    if (code == null || code.isBlank()) {
      throw new BusinessException("code.required");
    }
    switch (codes.check(purpose, loginName, number, code, c)) {
      case ACCEPTED -> {}
      case EXPIRED -> throw new BusinessException("code.expired");
      case EXHAUSTED -> throw new BusinessException("code.tooManyTries");
      case WRONG, UNUSABLE -> throw new BusinessException("code.invalid");
    }
  }

  /**
   * Refuses a registration when the address has registered its allowance of accounts within a day
   * ({@value #MAX_REGISTRATIONS_SETTING}, {@value #MAX_REGISTRATIONS_PER_ADDRESS_PER_DAY} by
   * default). Registrations from one address wait for each other, so a burst cannot pass it.
   *
   * @throws BusinessException {@code registration.addressLimit}
   */
  private void refuseBeyondAddressLimit(ClientInfo c) {
    String address = throttlingKey(c);
    AdvisoryLocks.holdUntilCommit(em, "registration_address", address);
    long registered =
        em.createNamedQuery(Account.COUNT_REGISTERED_FROM_SINCE, Long.class)
            .setParameter("address", address)
            .setParameter("since", now().minusDays(1))
            .getSingleResult();
    if (registered
        >= Settings.positive(MAX_REGISTRATIONS_SETTING, MAX_REGISTRATIONS_PER_ADDRESS_PER_DAY)) {
      throw new BusinessException("registration.addressLimit");
    }
  }

  private static String throttlingKey(ClientInfo c) {
    return LoginAttempt.cut(c == null ? "" : c.throttlingKey(), LoginAttempt.MAX_REMOTE_ADDRESS);
  }

  /** The account of the authenticated caller (its principal name is the login name). */
  private Account caller() {
    return find(session.getCallerPrincipal().getName())
        .orElseThrow(() -> new BusinessException("account.notFound"));
  }

  private void refuseDuplicates(
      String loginName, String duplicateNameKey, AccountType type, String mobile) {
    boolean nameTaken =
        !em.createNamedQuery(Account.BY_LOGIN_NAME, Account.class)
            .setParameter("loginName", loginName)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (nameTaken) {
      throw new BusinessException(duplicateNameKey);
    }
    if (mobileTaken(type, mobile, null)) {
      throw new BusinessException("account.duplicate.mobile");
    }
  }

  private boolean mobileTaken(AccountType type, String mobile, Long exceptId) {
    if (type == AccountType.STAFF) {
      return false;
    }
    return em.createNamedQuery(Account.COUNT_BY_TYPE_AND_MOBILE, Long.class)
            .setParameter("type", type)
            .setParameter("mobile", mobile)
            .setParameter("exceptId", exceptId == null ? -1L : exceptId)
            .getSingleResult()
        > 0;
  }

  private void persist(Account account, String duplicateNameKey) {
    em.persist(account);
    flush(duplicateNameKey);
  }

  /**
   * Writes now, so that a registration racing with ours (same login name or mobile, checked above
   * but committed in between) ends in the duplicate message instead of a database error.
   */
  private void flush(String duplicateNameKey) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      String constraint = violatedUniqueConstraint(e);
      if (LOGIN_NAME_CONSTRAINT.equals(constraint)) {
        throw new BusinessException(duplicateNameKey);
      }
      if (MOBILE_CONSTRAINT.equals(constraint)) {
        throw new BusinessException("account.duplicate.mobile");
      }
      throw e;
    }
  }

  private static String violatedUniqueConstraint(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        String message = String.valueOf(sql.getMessage());
        if (message.contains(LOGIN_NAME_CONSTRAINT)) {
          return LOGIN_NAME_CONSTRAINT;
        }
        if (message.contains(MOBILE_CONSTRAINT)) {
          return MOBILE_CONSTRAINT;
        }
      }
    }
    return null;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
