package cn.cwca.portal.support;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.LoginThrottlePolicy;
import cn.cwca.portal.account.OneTimePasswords;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditFilter;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.audit.AuditTrail;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.common.MaskedIdentifier;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.common.Page;
import cn.cwca.portal.persistence.AdvisoryLocks;
import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.sms.SmsGateway;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Applicant support for the 系统管理员: 查找申请人 by name, credit code, ID number or mobile number, one
 * applicant's account, orders, certificates and audit trail, and the changes the staff make for an
 * applicant who cannot make them themselves. Each change is one transaction with its audit entry
 * (actor: the administrator; target: the applicant's login name; the reason given); mobile numbers
 * reach the audit trail masked, passwords never.
 *
 * <p>解除锁定 clears the failed logins that block the login name ({@link LoginThrottlePolicy}); 更换手机号
 * binds a number after the staff checked the applicant's identity, tells the old and the new number
 * by SMS and ends the account's sessions; 账户移交 hands an organisation's account to the verified
 * owner of its credit code (its login name), keeping its orders, certificates and history, and
 * records who held it before in {@link AccountTransfer}. Changes name the version of the account
 * the page showed; a changed account is refused ({@code support.concurrentEdit}) rather than
 * overwritten.
 */
@Stateless
@DeclareRoles("ADMIN")
@RolesAllowed("ADMIN")
public class ApplicantSupportService {

  /** Audit actions. */
  static final String UNLOCKED = "support.unlocked";

  static final String MOBILE_CHANGED = "support.mobileChanged";
  static final String TRANSFERRED = "support.transferred";

  /** Largest page of the search and the audit grids. */
  static final int MAX_PAGE_SIZE = 100;

  /** Most orders the detail page lists, the newest. */
  public static final int MAX_LISTED = 200;

  /** The scope of the advisory lock that serialises the login attempts of one login name. */
  private static final String LOGIN_NAME_LOCK = "login_name";

  /** An organisation's account handed over, with the one-time password to hand on (shown once). */
  public record Transferred(Account account, String oneTimePassword) {}

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @EJB AuditTrail auditTrail;

  @Inject CertificateRegistry certificates;

  @Inject SmsGateway sms;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /**
   * 查找申请人: a page of the applicants that match the text ({@link ApplicantSearch}), by name, and
   * their number.
   *
   * @throws BusinessException {@code support.search.required}; {@code support.search.tooLong}
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<ApplicantRow> search(String text, int first, int pageSize) {
    ApplicantSearch search = ApplicantSearch.of(text);
    StringBuilder where = new StringBuilder(" FROM Account a WHERE ");
    if (search.byMobile()) {
      // account_mobile_per_type_uk (account_type, mobile): both applicant types, one number
      where.append("a.type IN :applicantTypes AND a.mobile = :mobile");
    } else {
      where
          .append("a.type <> :staff AND (LOWER(a.displayName) LIKE :name ESCAPE '")
          .append(ApplicantSearch.ESCAPE)
          .append("'");
      if (search.loginName() != null) {
        where.append(" OR a.loginName = :loginName");
      }
      where.append(")");
    }
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + where, Long.class);
    TypedQuery<Account> select =
        em.createQuery("SELECT a" + where + " ORDER BY LOWER(a.displayName), a.id", Account.class);
    bind(count, search);
    bind(select, search);
    long total = count.getSingleResult();
    int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    List<ApplicantRow> rows =
        select.setFirstResult(Math.max(0, first)).setMaxResults(size).getResultList().stream()
            .map(ApplicantRow::of)
            .toList();
    return new Page<>(rows, total);
  }

  private static void bind(TypedQuery<?> query, ApplicantSearch search) {
    if (search.byMobile()) {
      query.setParameter(
          "applicantTypes", List.of(AccountType.NATURAL_PERSON, AccountType.ORGANISATION));
      query.setParameter("mobile", search.mobile());
      return;
    }
    query.setParameter("staff", AccountType.STAFF);
    query.setParameter("name", search.namePattern());
    if (search.loginName() != null) {
      query.setParameter("loginName", search.loginName());
    }
  }

  /**
   * One applicant in full: the account, whether its login is locked, its submitted orders, its
   * certificates and the transfers of the account.
   *
   * @throws BusinessException {@code support.notFound} for an unknown id or a staff account
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ApplicantDetail detail(long accountId) {
    Account account = applicant(accountId);
    String owner = account.getLoginName();
    List<LocalDateTime> failures = countingFailures(owner, now());
    Optional<Long> wait =
        LoginThrottlePolicy.minutesToWait(
            failures, LoginThrottlePolicy.MAX_FAILURES_PER_LOGIN_NAME, now());
    List<ApplicantOrder> orders =
        em
            .createQuery(
                "SELECT a FROM CertificateApplication a WHERE a.ownerLoginName = :owner"
                    + " AND a.status <> cn.cwca.portal.application.OrderStatus.DRAFT"
                    + " ORDER BY a.submittedAt DESC, a.id DESC",
                CertificateApplication.class)
            .setParameter("owner", owner)
            .setMaxResults(MAX_LISTED)
            .getResultList()
            .stream()
            .map(ApplicantOrder::of)
            .toList();
    List<AccountTransfer> transfers =
        em.createNamedQuery(AccountTransfer.OF_ACCOUNT, AccountTransfer.class)
            .setParameter("accountId", account.getId())
            .getResultList();
    return new ApplicantDetail(
        account,
        failures.size(),
        wait.orElse(null),
        orders,
        certificates.certificatesOf(owner),
        transfers);
  }

  /**
   * A page of the audit entries about the applicant's account (its login name is their target),
   * newest first, and their number.
   *
   * @throws BusinessException {@code support.notFound}
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<AuditEntry> auditEntries(long accountId, int first, int pageSize) {
    AuditFilter filter = new AuditFilter();
    filter.setTarget(applicant(accountId).getLoginName());
    int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    return new Page<>(
        auditTrail.search(filter, Math.max(0, first), size), auditTrail.count(filter));
  }

  /**
   * 解除锁定: clears the failed logins of the applicant's login name, so that they can log in again at
   * once. Failures counted for an address (of a whole office behind one address) are not the
   * account's and stay.
   *
   * @return the number of failed logins cleared
   * @throws BusinessException {@code support.reason.*}; {@code support.notFound}; {@code
   *     support.unlock.notLocked} when the login is not locked
   */
  public int unlock(long accountId, String reason, ClientInfo c) {
    String why = SupportRules.reason(reason);
    Account account = applicant(accountId);
    String loginName = account.getLoginName();
    // waits for a login attempt of this name in progress, as LoginService does
    AdvisoryLocks.holdUntilCommit(em, LOGIN_NAME_LOCK, loginName);
    LocalDateTime now = now();
    if (LoginThrottlePolicy.minutesToWait(
            countingFailures(loginName, now), LoginThrottlePolicy.MAX_FAILURES_PER_LOGIN_NAME, now)
        .isEmpty()) {
      throw new BusinessException("support.unlock.notLocked");
    }
    int cleared =
        em.createQuery(
                "DELETE FROM LoginAttempt a WHERE a.loginName = :loginName AND a.succeeded = FALSE")
            .setParameter("loginName", loginName)
            .executeUpdate();
    audit.record(
        actor(), UNLOCKED, loginName, "failures cleared: " + cleared + "; reason: " + why, c);
    return cleared;
  }

  /**
   * 更换手机号 for an applicant who can no longer receive the bound number's codes: the staff checked
   * their identity (已核实身份) and give a reason. The number follows the rules of registration and is
   * bound to no other account of the type; the old number and the new one are told by SMS; the
   * account's sessions end.
   *
   * @throws BusinessException {@code support.identityNotChecked}; {@code support.reason.*}; {@code
   *     validation.required}, {@code validation.mobile}; {@code support.notFound}; {@code
   *     support.concurrentEdit}; {@code account.mobile.same}; {@code account.duplicate.mobile}
   */
  public Account changeMobile(MobileChange change, ClientInfo c) {
    SupportRules.identityChecked(change.identityChecked());
    String why = SupportRules.reason(change.reason());
    String number = FieldInput.checked(FieldRule.MOBILE, change.newMobile());
    Account account = load(change.accountId(), change.version());
    refuseMobile(account, number);
    String old = account.getMobile();
    account.rebindMobile(number, now());
    flush();
    sms.send(old, Messages.format("sms.mobileChanged", MaskedIdentifier.of(number)));
    sms.send(
        number,
        Messages.format("sms.mobileBoundByStaff", MaskedIdentifier.of(account.getLoginName())));
    audit.record(
        actor(),
        MOBILE_CHANGED,
        account.getLoginName(),
        "mobile: "
            + MaskedIdentifier.of(old)
            + " -> "
            + MaskedIdentifier.of(number)
            + "; identity checked; reason: "
            + why,
        c);
    return account;
  }

  /**
   * 账户移交: the verified owner of an organisation's credit code takes over the account registered
   * with it. 机构名称, 法定代表人 and the mobile number become the claimant's, the password a one-time
   * password; the previous holder's sessions end, their contact data are kept in {@link
   * AccountTransfer}, and both numbers are told by SMS. The orders, certificates and audit trail
   * stay with the account (its login name).
   *
   * @return the account and the one-time password to hand to the claimant (shown once)
   * @throws BusinessException {@code support.identityNotChecked}; {@code support.reason.*}; {@code
   *     support.evidence.*}; {@code validation.*}; {@code support.notFound}; {@code
   *     support.concurrentEdit}; {@code support.transfer.organisationOnly}; {@code
   *     account.mobile.same}; {@code account.duplicate.mobile}
   */
  public Transferred transfer(CreditCodeTransfer t, ClientInfo c) {
    SupportRules.identityChecked(t.identityChecked());
    String why = SupportRules.reason(t.reason());
    String evidence = SupportRules.evidence(t.evidence());
    String name = FieldInput.name(t.organisationName());
    String legalRepresentative = FieldInput.name(t.legalRepresentative());
    String number = FieldInput.checked(FieldRule.MOBILE, t.mobile());
    Account account = load(t.accountId(), t.version());
    if (account.getType() != AccountType.ORGANISATION) {
      throw new BusinessException("support.transfer.organisationOnly");
    }
    refuseMobile(account, number);
    LocalDateTime now = now();
    AccountTransfer record = AccountTransfer.before(account, evidence, why, actor(), now);
    char[] password = OneTimePasswords.generate();
    try {
      account.handOver(name, legalRepresentative, number, password, now);
      record.after(account);
      em.persist(record);
      flush();
      String code = account.getLoginName();
      sms.send(record.getPreviousMobile(), Messages.format("sms.accountHandedOver", code));
      sms.send(number, Messages.format("sms.accountReceived", code));
      audit.record(actor(), TRANSFERRED, code, transferDetails(record), c);
      return new Transferred(account, new String(password));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The audit details of a transfer: what changed (mobile numbers masked), evidence, reason. */
  static String transferDetails(AccountTransfer t) {
    return "displayName: "
        + t.getPreviousDisplayName()
        + " -> "
        + t.getNewDisplayName()
        + "; legalRepresentative: "
        + t.getPreviousLegalRepresentative()
        + " -> "
        + t.getNewLegalRepresentative()
        + "; mobile: "
        + MaskedIdentifier.of(t.getPreviousMobile())
        + " -> "
        + MaskedIdentifier.of(t.getNewMobile())
        + "; evidence: "
        + t.getEvidence()
        + "; reason: "
        + t.getReason();
  }

  /**
   * The failed logins of the login name that count now, newest first, at most as many as block it:
   * those in the window after its last success ({@link LoginThrottlePolicy}).
   */
  private List<LocalDateTime> countingFailures(String loginName, LocalDateTime now) {
    LocalDateTime windowStart = LoginThrottlePolicy.windowStart(now);
    LocalDateTime lastSuccess =
        em.createQuery(
                "SELECT MAX(a.attemptedAt) FROM LoginAttempt a WHERE a.loginName = :loginName"
                    + " AND a.succeeded = TRUE AND a.attemptedAt > :since",
                LocalDateTime.class)
            .setParameter("loginName", loginName)
            .setParameter("since", windowStart)
            .getSingleResult();
    return em.createQuery(
            "SELECT a.attemptedAt FROM LoginAttempt a WHERE a.loginName = :loginName"
                + " AND a.succeeded = FALSE AND a.attemptedAt > :since"
                + " ORDER BY a.attemptedAt DESC",
            LocalDateTime.class)
        .setParameter("loginName", loginName)
        .setParameter("since", lastSuccess == null ? windowStart : lastSuccess)
        .setMaxResults(LoginThrottlePolicy.MAX_FAILURES_PER_LOGIN_NAME)
        .getResultList();
  }

  /**
   * @throws BusinessException {@code account.mobile.same}; {@code account.duplicate.mobile} when
   *     another account of the type has the number
   */
  private void refuseMobile(Account account, String number) {
    if (number.equals(account.getMobile())) {
      throw new BusinessException("account.mobile.same");
    }
    long taken =
        em.createQuery(
                "SELECT COUNT(a) FROM Account a WHERE a.type = :type AND a.mobile = :mobile"
                    + " AND a.id <> :id",
                Long.class)
            .setParameter("type", account.getType())
            .setParameter("mobile", number)
            .setParameter("id", account.getId())
            .getSingleResult();
    if (taken > 0) {
      throw new BusinessException("account.duplicate.mobile");
    }
  }

  /** The applicant's account (never a staff account). */
  private Account applicant(long accountId) {
    Account account = em.find(Account.class, accountId);
    if (account == null || account.getType() == AccountType.STAFF) {
      throw new BusinessException("support.notFound");
    }
    return account;
  }

  private Account load(long accountId, long version) {
    Account account = applicant(accountId);
    if (account.getVersion() != version) {
      throw new BusinessException("support.concurrentEdit");
    }
    return account;
  }

  /**
   * Writes now, so that a change racing with this one is refused instead of overwritten, and a
   * number bound in the meantime by a registration ends in the duplicate message.
   */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("support.concurrentEdit");
    } catch (PersistenceException e) {
      // account_mobile_per_type_uk: the number was bound to another account in the meantime
      throw new BusinessException("account.duplicate.mobile");
    }
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
