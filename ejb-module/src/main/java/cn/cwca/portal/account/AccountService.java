package cn.cwca.portal.account;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.rules.FieldRule;
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

  /** SQLSTATE of a unique constraint violation (PostgreSQL). */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String LOGIN_NAME_CONSTRAINT = "account_login_name_uk";
  private static final String MOBILE_CONSTRAINT = "account_mobile_per_type_uk";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /**
   * Registers a natural person; the login name is the ID number.
   *
   * @throws BusinessException a {@code validation.*} key for a field that breaks its rule; {@code
   *     account.duplicate.idNumber} or {@code account.duplicate.mobile} for a duplicate
   */
  public Account registerPerson(PersonRegistration r, ClientInfo c) {
    String name = AccountInput.name(r.name());
    String mobile = AccountInput.checked(FieldRule.MOBILE, r.mobile());
    if (r.idType() == null) {
      throw new BusinessException("validation.required");
    }
    String idNumber = AccountInput.checked(r.idType().rule(), r.idNumber());
    String division = AccountInput.division(r.divisionCode());
    char[] password = AccountInput.newPassword(r.password(), r.passwordConfirmation());
    String duplicateName = "account.duplicate.idNumber";
    refuseDuplicates(idNumber, duplicateName, AccountType.NATURAL_PERSON, mobile);
    Account account;
    try {
      account =
          Account.naturalPerson(name, mobile, r.idType(), idNumber, division, password, now());
    } finally {
      PasswordHasher.wipe(password);
    }
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
   *     account.duplicate.creditCode} or {@code account.duplicate.mobile} for a duplicate
   */
  public Account registerOrganisation(OrganisationRegistration r, ClientInfo c) {
    String name = AccountInput.name(r.organisationName());
    String creditCode = AccountInput.checked(FieldRule.CREDIT_CODE, r.creditCode());
    String division = AccountInput.division(r.divisionCode());
    String mobile = AccountInput.checked(FieldRule.MOBILE, r.mobile());
    String legalRepresentative = AccountInput.name(r.legalRepresentative());
    char[] password = AccountInput.newPassword(r.password(), r.passwordConfirmation());
    String duplicateName = "account.duplicate.creditCode";
    refuseDuplicates(creditCode, duplicateName, AccountType.ORGANISATION, mobile);
    Account account;
    try {
      account =
          Account.organisation(
              name, creditCode, division, mobile, legalRepresentative, password, now());
    } finally {
      PasswordHasher.wipe(password);
    }
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
   * Changes 姓名 or 机构名称, 联系电话 and, for an organisation, 法定代表人. The audit entry lists each changed
   * field, old and new value.
   *
   * <p>Always the caller's own account: there is no parameter naming another one.
   *
   * @param shown the values the form showed and the edit started from ({@link ProfileUpdate#of}):
   *     when the account no longer has them, someone changed it in the meantime (another tab, or
   *     another person of the organisation), and the edit is refused rather than undo that change
   * @throws BusinessException {@code account.notFound}; {@code account.concurrentEdit}; a {@code
   *     validation.*} key; {@code account.duplicate.mobile}
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN"})
  public Account updateProfile(ProfileUpdate shown, ProfileUpdate u, ClientInfo c) {
    Account account = caller();
    if (!ProfileUpdate.of(account).equals(shown)) {
      throw new BusinessException("account.concurrentEdit");
    }
    String displayName = AccountInput.name(u.displayName());
    String mobile = AccountInput.checked(FieldRule.MOBILE, u.mobile());
    String legalRepresentative =
        account.getType() == AccountType.ORGANISATION
            ? AccountInput.name(u.legalRepresentative())
            : account.getLegalRepresentative();
    if (!mobile.equals(account.getMobile())
        && mobileTaken(account.getType(), mobile, account.getId())) {
      throw new BusinessException("account.duplicate.mobile");
    }
    Map<String, String> changes =
        account.updateProfile(displayName, mobile, legalRepresentative, now());
    if (!changes.isEmpty()) {
      flush("account.duplicate.mobile");
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
   * Replaces the caller's password after checking the current one.
   *
   * @throws BusinessException {@code account.password.currentWrong}; {@code validation.password};
   *     {@code validation.passwordConfirm}; {@code account.notFound}
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN"})
  public void changePassword(
      String currentPassword, String newPassword, String confirmation, ClientInfo c) {
    Account account = caller();
    char[] current = currentPassword == null ? new char[0] : currentPassword.toCharArray();
    try {
      if (!account.passwordMatches(current)) {
        throw new BusinessException("account.password.currentWrong");
      }
    } finally {
      PasswordHasher.wipe(current);
    }
    char[] password = AccountInput.newPassword(newPassword, confirmation);
    try {
      account.changePassword(password, now());
    } finally {
      PasswordHasher.wipe(password);
    }
    audit.record(
        account.getLoginName(), PASSWORD_CHANGED, account.getLoginName(), "personal centre", c);
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
