package cn.cwca.portal.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A portal account: an applicant (natural person or organisation) or a staff member. The login name
 * is the resident ID or passport number of a person, the unified social credit code of an
 * organisation, a user name for staff; it never changes. Timestamps are UTC.
 */
@Entity
@Table(name = "account")
@NamedQuery(
    name = Account.BY_LOGIN_NAME,
    query = "SELECT a FROM Account a WHERE a.loginName = :loginName")
@NamedQuery(
    name = Account.APPLICANT_BY_LOGIN_NAME,
    query = "SELECT a FROM Account a WHERE a.loginName = :loginName AND a.type <> :staff")
@NamedQuery(
    name = Account.COUNT_BY_TYPE_AND_MOBILE,
    query =
        "SELECT COUNT(a) FROM Account a WHERE a.type = :type AND a.mobile = :mobile AND a.id <> :exceptId")
@NamedQuery(
    name = Account.CREDENTIALS_VERSION,
    query = "SELECT a.credentialsVersion FROM Account a WHERE a.loginName = :loginName")
@NamedQuery(
    name = Account.STAFF,
    query = "SELECT a FROM Account a WHERE a.type = :staff ORDER BY a.loginName")
@NamedQuery(
    name = Account.ACTIVE_WITH_ROLE,
    query =
        "SELECT a.loginName FROM Account a JOIN a.roles r WHERE r = :role AND a.disabled = FALSE"
            + " AND a.type = :staff")
@NamedQuery(
    name = Account.COUNT_REGISTERED_FROM_SINCE,
    query =
        "SELECT COUNT(a) FROM Account a WHERE a.registeredFrom = :address AND a.createdAt >= :since")
public class Account implements Serializable {

  static final String BY_LOGIN_NAME = "Account.byLoginName";
  static final String CREDENTIALS_VERSION = "Account.credentialsVersion";
  static final String COUNT_REGISTERED_FROM_SINCE = "Account.countRegisteredFromSince";
  static final String APPLICANT_BY_LOGIN_NAME = "Account.applicantByLoginName";
  static final String COUNT_BY_TYPE_AND_MOBILE = "Account.countByTypeAndMobile";
  static final String STAFF = "Account.staff";
  static final String ACTIVE_WITH_ROLE = "Account.activeWithRole";

  private static final long serialVersionUID = 1L;

  @Id
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  private Long id;

  @Version private long version;

  @Enumerated(EnumType.STRING)
  @Column(name = "account_type", nullable = false, updatable = false, length = 20)
  private AccountType type;

  @Column(name = "login_name", nullable = false, updatable = false, unique = true, length = 64)
  private String loginName;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "mobile", nullable = false, length = 11)
  private String mobile;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type", length = 20)
  private IdType idType;

  @Column(name = "division_code", length = 6)
  private String divisionCode;

  @Column(name = "legal_representative", length = 100)
  private String legalRepresentative;

  /**
   * When 法定代表人 was last changed in the personal centre (UTC); {@code null} while it is the one
   * registered. A 变更 needs to know it: the certificate does not carry the legal representative.
   */
  @Column(name = "legal_representative_changed_at")
  private LocalDateTime legalRepresentativeChangedAt;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 20)
  private Set<Role> roles = new HashSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  /**
   * Counts the password changes: a session that logged in with an older version has ended (see the
   * web tier's authentication mechanism).
   */
  @Column(name = "credentials_version", nullable = false)
  private int credentialsVersion;

  /**
   * Whether the password was generated (a new staff account, a reset by an administrator): the
   * owner must choose their own before doing anything else.
   */
  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  /** A disabled account cannot log in (staff accounts, disabled by an administrator). */
  @Column(name = "disabled", nullable = false)
  private boolean disabled;

  /** The address (its throttling key) the account was registered from; none for staff. */
  @Column(name = "registered_from", updatable = false, length = LoginAttempt.MAX_REMOTE_ADDRESS)
  private String registeredFrom;

  protected Account() {}

  private Account(
      AccountType type,
      String loginName,
      String displayName,
      String mobile,
      String divisionCode,
      char[] password,
      LocalDateTime now) {
    this.type = Objects.requireNonNull(type);
    this.loginName = Objects.requireNonNull(loginName);
    this.displayName = Objects.requireNonNull(displayName);
    this.mobile = Objects.requireNonNull(mobile);
    this.divisionCode = divisionCode;
    this.passwordHash = PasswordHasher.hash(password);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * A natural person; the login name is the (normalised) ID number. Values must already be
   * validated.
   */
  static Account naturalPerson(
      String name,
      String mobile,
      IdType idType,
      String idNumber,
      String divisionCode,
      char[] password,
      LocalDateTime now) {
    Account account =
        new Account(
            AccountType.NATURAL_PERSON, idNumber, name, mobile, divisionCode, password, now);
    account.idType = Objects.requireNonNull(idType);
    account.roles.add(Role.APPLICANT);
    return account;
  }

  /**
   * An organisation; the login name is the (normalised) credit code. Values must already be
   * validated.
   */
  static Account organisation(
      String name,
      String creditCode,
      String divisionCode,
      String mobile,
      String legalRepresentative,
      char[] password,
      LocalDateTime now) {
    Account account =
        new Account(
            AccountType.ORGANISATION, creditCode, name, mobile, divisionCode, password, now);
    account.legalRepresentative = Objects.requireNonNull(legalRepresentative);
    account.roles.add(Role.APPLICANT);
    return account;
  }

  /**
   * A staff member with the given roles, e.g. the first administrator created by the run launcher.
   */
  public static Account staff(
      String userName,
      String displayName,
      String mobile,
      Set<Role> roles,
      char[] password,
      LocalDateTime now) {
    Account account =
        new Account(AccountType.STAFF, userName, displayName, mobile, null, password, now);
    account.roles.addAll(roles);
    return account;
  }

  /** Whether the password is this account's password. */
  public boolean passwordMatches(char[] password) {
    return PasswordHasher.verify(password, passwordHash);
  }

  /**
   * Replaces the password (already checked against the password rule) with a new salted hash, which
   * ends the account's sessions: the credentials version goes up.
   */
  public void changePassword(char[] newPassword, LocalDateTime now) {
    this.passwordHash = PasswordHasher.hash(newPassword);
    this.credentialsVersion++;
    this.updatedAt = now;
  }

  /**
   * Replaces the password with one generated for an administrator to hand over: the owner must
   * change it at the next login, and the account's sessions end.
   */
  void assignOneTimePassword(char[] oneTimePassword, LocalDateTime now) {
    changePassword(oneTimePassword, now);
    this.mustChangePassword = true;
  }

  /** A new account whose password was generated: the owner must change it at the first login. */
  void requirePasswordChange() {
    this.mustChangePassword = true;
  }

  /** The owner chose their own password in place of a one-time password. */
  void replaceOneTimePassword(char[] newPassword, LocalDateTime now) {
    changePassword(newPassword, now);
    this.mustChangePassword = false;
  }

  /** Disables or enables the account; disabling ends its sessions. */
  void setDisabled(boolean disabled, LocalDateTime now) {
    if (this.disabled == disabled) {
      return;
    }
    this.disabled = disabled;
    if (disabled) {
      this.credentialsVersion++;
    }
    this.updatedAt = now;
  }

  /**
   * Replaces the roles; a change ends the account's sessions (they hold the roles they logged in
   * with). Returns whether anything changed.
   */
  boolean replaceRoles(Set<Role> newRoles, LocalDateTime now) {
    if (roles.equals(newRoles)) {
      return false;
    }
    roles.clear();
    roles.addAll(newRoles);
    this.credentialsVersion++;
    this.updatedAt = now;
    return true;
  }

  /** Binds another mobile number (already validated, proven and checked for duplicates). */
  void changeMobile(String newMobile, LocalDateTime now) {
    this.mobile = Objects.requireNonNull(newMobile);
    this.updatedAt = now;
  }

  /**
   * Binds another mobile number for an applicant whose identity the staff checked (applicant
   * support; the number already validated and checked for duplicates), and ends the account's
   * sessions, as a password change does: whoever held the old number is logged out.
   */
  public void rebindMobile(String newMobile, LocalDateTime now) {
    changeMobile(newMobile, now);
    this.credentialsVersion++;
  }

  /**
   * Hands an organisation's account over to the verified owner of its credit code (applicant
   * support): 机构名称, 法定代表人 and the mobile number become theirs (values already validated), the
   * password a one-time password for the staff to hand over, and every session of the previous
   * holder ends. The login name, and with it the orders, certificates and audit trail, stay.
   */
  public void handOver(
      String newDisplayName,
      String newLegalRepresentative,
      String newMobile,
      char[] oneTimePassword,
      LocalDateTime now) {
    if (type != AccountType.ORGANISATION) {
      throw new IllegalStateException("only an organisation's account is handed over: " + this);
    }
    if (!Objects.equals(legalRepresentative, newLegalRepresentative)) {
      legalRepresentativeChangedAt = now;
    }
    this.displayName = Objects.requireNonNull(newDisplayName);
    this.legalRepresentative = Objects.requireNonNull(newLegalRepresentative);
    this.mobile = Objects.requireNonNull(newMobile);
    changePassword(oneTimePassword, now);
  }

  /** Records where the account was registered from (its address's throttling key). */
  void registeredFrom(String address) {
    this.registeredFrom = LoginAttempt.cut(address, LoginAttempt.MAX_REMOTE_ADDRESS);
  }

  /**
   * Applies the personal-centre changes (values already validated and normalised) and returns what
   * changed, field name to {@code "old -> new"}, for the audit trail; empty when nothing changed. A
   * changed 法定代表人 records when it changed.
   */
  public Map<String, String> updateProfile(
      String newDisplayName, String newLegalRepresentative, LocalDateTime now) {
    Map<String, String> changes = new LinkedHashMap<>();
    if (!Objects.equals(displayName, newDisplayName)) {
      changes.put("displayName", displayName + " -> " + newDisplayName);
      displayName = newDisplayName;
    }
    if (type == AccountType.ORGANISATION
        && !Objects.equals(legalRepresentative, newLegalRepresentative)) {
      changes.put("legalRepresentative", legalRepresentative + " -> " + newLegalRepresentative);
      legalRepresentative = newLegalRepresentative;
      legalRepresentativeChangedAt = now;
    }
    if (!changes.isEmpty()) {
      updatedAt = now;
    }
    return changes;
  }

  /** Whether the owner must replace a generated password before doing anything else. */
  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  /** Whether the account is disabled (it cannot log in). */
  public boolean isDisabled() {
    return disabled;
  }

  /** Whether the account has the role. */
  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public int getCredentialsVersion() {
    return credentialsVersion;
  }

  public AccountType getType() {
    return type;
  }

  public String getLoginName() {
    return loginName;
  }

  /** 姓名 of a person, 机构名称 of an organisation, the name of a staff member. */
  public String getDisplayName() {
    return displayName;
  }

  public String getMobile() {
    return mobile;
  }

  /** 有效证件类型 of a natural person, {@code null} otherwise. */
  public IdType getIdType() {
    return idType;
  }

  /** 所在行政区 (GB/T 2260 code), {@code null} for staff. */
  public String getDivisionCode() {
    return divisionCode;
  }

  /** 法定代表人 of an organisation, {@code null} otherwise. */
  public String getLegalRepresentative() {
    return legalRepresentative;
  }

  /** When 法定代表人 was last changed (UTC); {@code null} while it is the one registered. */
  public LocalDateTime getLegalRepresentativeChangedAt() {
    return legalRepresentativeChangedAt;
  }

  /**
   * Whether 法定代表人 was changed after the moment given (e.g. the issue of a certificate), so that a
   * 变更 has something to change.
   */
  public boolean legalRepresentativeChangedAfter(LocalDateTime moment) {
    return legalRepresentativeChangedAt != null
        && moment != null
        && legalRepresentativeChangedAt.isAfter(moment);
  }

  /** The roles, unmodifiable. */
  public Set<Role> getRoles() {
    return Collections.unmodifiableSet(roles);
  }

  /** When the account was registered (UTC). */
  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  /** When the account was last changed (UTC). */
  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return "Account[" + id + ", " + type + ", " + loginName + "]";
  }
}
