package cn.cwca.portal.account;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.persistence.AdvisoryLocks;
import cn.cwca.portal.rules.FieldRule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * 员工管理: administrators create staff accounts, disable and enable them, reset their passwords and
 * change their roles. Each change is one transaction with its audit entry (actor: the
 * administrator; target: the staff member's login name; before and after roles where they change).
 *
 * <p>A new account and a reset get a generated one-time password ({@link OneTimePasswords}), handed
 * back once for the administrator to pass on and never stored or logged in clear; its owner must
 * choose their own at the next login. Disabling, a reset and a change of roles raise the account's
 * credentials version, which ends its sessions at their next request.
 *
 * <p>The portal always keeps an enabled administrator: the changes that could take the last one
 * away wait for each other (an advisory lock) and are refused with {@code staff.lastAdmin}. Changes
 * name the version of the account the page showed; a changed account is refused ({@code
 * staff.concurrentEdit}) rather than overwritten.
 */
@Stateless
@DeclareRoles("ADMIN")
@RolesAllowed("ADMIN")
public class StaffService {

  /** Audit actions. */
  static final String CREATED = "staff.created";

  static final String DISABLED = "staff.disabled";
  static final String ENABLED = "staff.enabled";
  static final String PASSWORD_RESET = "staff.passwordReset";
  static final String ROLES_CHANGED = "staff.rolesChanged";

  /** An account created, with the one-time password to hand over (shown once). */
  public record Created(Account account, String oneTimePassword) {}

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /** Every staff account, by login name. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Account> staff() {
    return em.createNamedQuery(Account.STAFF, Account.class)
        .setParameter("staff", AccountType.STAFF)
        .getResultList();
  }

  /**
   * Creates a staff account with a one-time password.
   *
   * @throws BusinessException {@code validation.required}, {@code staff.loginName}, {@code
   *     validation.name}, {@code validation.mobile}, {@code staff.roles.*}; {@code staff.duplicate}
   *     when the login name is taken (by staff or an applicant)
   */
  public Created create(
      String loginName, String displayName, String mobile, Collection<Role> roles, ClientInfo c) {
    String name = StaffRules.loginName(loginName);
    String display = FieldInput.name(displayName);
    String number = FieldInput.checked(FieldRule.MOBILE, mobile);
    Set<Role> granted = StaffRules.roles(roles);
    if (!em.createNamedQuery(Account.BY_LOGIN_NAME, Account.class)
        .setParameter("loginName", name)
        .getResultList()
        .isEmpty()) {
      throw new BusinessException("staff.duplicate");
    }
    char[] password = OneTimePasswords.generate();
    Account account;
    try {
      account = Account.staff(name, display, number, granted, password, now());
      account.requirePasswordChange();
      persist(account);
      audit.record(
          actor(),
          CREATED,
          name,
          "roles: [] -> " + StaffRules.describe(granted) + ", mobile=" + number,
          c);
      return new Created(account, new String(password));
    } finally {
      PasswordHasher.wipe(password);
    }
  }

  /**
   * Disables the account: it cannot log in, and its sessions end.
   *
   * @throws BusinessException {@code staff.notFound}; {@code staff.concurrentEdit}; {@code
   *     staff.disableSelf}; {@code staff.lastAdmin}
   */
  public Account disable(String loginName, long version, ClientInfo c) {
    Account account = load(loginName, version);
    StaffRules.notSelf(actor(), account.getLoginName());
    if (account.isDisabled()) {
      return account;
    }
    StaffRules.keepAnAdministrator(activeAdmins(), account.getLoginName(), false);
    account.setDisabled(true, now());
    flush();
    audit.record(
        actor(),
        DISABLED,
        account.getLoginName(),
        "roles: " + StaffRules.describe(account.getRoles()),
        c);
    return account;
  }

  /**
   * Enables a disabled account; it logs in with the password it had.
   *
   * @throws BusinessException {@code staff.notFound}; {@code staff.concurrentEdit}
   */
  public Account enable(String loginName, long version, ClientInfo c) {
    Account account = load(loginName, version);
    if (!account.isDisabled()) {
      return account;
    }
    account.setDisabled(false, now());
    flush();
    audit.record(
        actor(),
        ENABLED,
        account.getLoginName(),
        "roles: " + StaffRules.describe(account.getRoles()),
        c);
    return account;
  }

  /**
   * Gives the account a new one-time password, which its owner must change at the next login; its
   * sessions end.
   *
   * @return the one-time password to hand over (shown once)
   * @throws BusinessException {@code staff.notFound}; {@code staff.concurrentEdit}
   */
  public String resetPassword(String loginName, long version, ClientInfo c) {
    Account account = load(loginName, version);
    char[] password = OneTimePasswords.generate();
    try {
      account.assignOneTimePassword(password, now());
      flush();
      audit.record(actor(), PASSWORD_RESET, account.getLoginName(), "one-time password", c);
      return new String(password);
    } finally {
      PasswordHasher.wipe(password);
    }
  }

  /**
   * Replaces the account's roles; its sessions end, so that it logs in again with the new ones.
   *
   * @throws BusinessException {@code staff.notFound}; {@code staff.concurrentEdit}; {@code
   *     staff.roles.*}; {@code staff.lastAdmin} when the last enabled administrator would lose
   *     ADMIN
   */
  public Account changeRoles(String loginName, long version, Collection<Role> roles, ClientInfo c) {
    Account account = load(loginName, version);
    Set<Role> granted = StaffRules.roles(roles);
    Set<Role> before = Set.copyOf(account.getRoles());
    if (!granted.contains(Role.ADMIN)) {
      StaffRules.keepAnAdministrator(activeAdmins(), account.getLoginName(), false);
    }
    if (account.replaceRoles(granted, now())) {
      flush();
      audit.record(
          actor(),
          ROLES_CHANGED,
          account.getLoginName(),
          "roles: " + StaffRules.describe(before) + " -> " + StaffRules.describe(granted),
          c);
    }
    return account;
  }

  /**
   * Login names of the enabled administrators. The changes that may take one away wait here for
   * each other until their transaction ends, so that two administrators cannot disable each other
   * at once.
   */
  private List<String> activeAdmins() {
    AdvisoryLocks.holdUntilCommit(em, "staff_admins", "ADMIN");
    return em.createNamedQuery(Account.ACTIVE_WITH_ROLE, String.class)
        .setParameter("role", Role.ADMIN)
        .setParameter("staff", AccountType.STAFF)
        .getResultList();
  }

  private Account load(String loginName, long version) {
    Account account =
        em.createNamedQuery(Account.BY_LOGIN_NAME, Account.class)
            .setParameter("loginName", loginName == null ? "" : loginName.strip())
            .getResultStream()
            .filter(found -> found.getType() == AccountType.STAFF)
            .findFirst()
            .orElseThrow(() -> new BusinessException("staff.notFound"));
    if (account.getVersion() != version) {
      throw new BusinessException("staff.concurrentEdit");
    }
    return account;
  }

  private void persist(Account account) {
    em.persist(account);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // a staff member of this login name was created in the meantime
      throw new BusinessException("staff.duplicate");
    }
  }

  /** Writes now, so that a change racing with this one is refused instead of overwritten. */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("staff.concurrentEdit");
    }
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
