package cn.cwca.portal.support;

import cn.cwca.portal.account.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An organisation's account handed over to the verified owner of its credit code: who held it
 * before (their name, legal representative and mobile number), who holds it now, why, on which
 * evidence and by whom. Never changed once written. Times are UTC.
 */
@Entity
@Table(name = "account_transfer")
@NamedQuery(
    name = AccountTransfer.OF_ACCOUNT,
    query =
        "SELECT t FROM AccountTransfer t WHERE t.accountId = :accountId"
            + " ORDER BY t.transferredAt DESC, t.id DESC")
public class AccountTransfer implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String OF_ACCOUNT = "AccountTransfer.ofAccount";

  @Id
  @SequenceGenerator(
      name = "account_transfer_seq",
      sequenceName = "account_transfer_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_transfer_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(name = "login_name", nullable = false, updatable = false, length = 64)
  private String loginName;

  @Column(name = "previous_display_name", nullable = false, updatable = false, length = 100)
  private String previousDisplayName;

  @Column(name = "previous_legal_representative", updatable = false, length = 100)
  private String previousLegalRepresentative;

  @Column(name = "previous_mobile", nullable = false, updatable = false, length = 11)
  private String previousMobile;

  @Column(name = "new_display_name", nullable = false, updatable = false, length = 100)
  private String newDisplayName;

  @Column(name = "new_legal_representative", nullable = false, updatable = false, length = 100)
  private String newLegalRepresentative;

  @Column(name = "new_mobile", nullable = false, updatable = false, length = 11)
  private String newMobile;

  @Column(name = "reason", nullable = false, updatable = false, length = SupportRules.MAX_REASON)
  private String reason;

  @Column(
      name = "evidence",
      nullable = false,
      updatable = false,
      length = SupportRules.MAX_EVIDENCE)
  private String evidence;

  @Column(name = "transferred_by", nullable = false, updatable = false, length = 64)
  private String transferredBy;

  @Column(name = "transferred_at", nullable = false, updatable = false)
  private LocalDateTime transferredAt;

  protected AccountTransfer() {}

  /** The record of the account as it is now, before {@link Account#handOver}. */
  static AccountTransfer before(
      Account account, String evidence, String reason, String staff, LocalDateTime now) {
    AccountTransfer t = new AccountTransfer();
    t.accountId = account.getId();
    t.loginName = account.getLoginName();
    t.previousDisplayName = account.getDisplayName();
    t.previousLegalRepresentative = account.getLegalRepresentative();
    t.previousMobile = account.getMobile();
    t.evidence = Objects.requireNonNull(evidence);
    t.reason = Objects.requireNonNull(reason);
    t.transferredBy = Objects.requireNonNull(staff);
    t.transferredAt = now;
    return t;
  }

  /** Completes the record with the account as {@link Account#handOver} left it. */
  void after(Account account) {
    this.newDisplayName = account.getDisplayName();
    this.newLegalRepresentative = account.getLegalRepresentative();
    this.newMobile = account.getMobile();
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getLoginName() {
    return loginName;
  }

  public String getPreviousDisplayName() {
    return previousDisplayName;
  }

  public String getPreviousLegalRepresentative() {
    return previousLegalRepresentative;
  }

  public String getPreviousMobile() {
    return previousMobile;
  }

  public String getNewDisplayName() {
    return newDisplayName;
  }

  public String getNewLegalRepresentative() {
    return newLegalRepresentative;
  }

  public String getNewMobile() {
    return newMobile;
  }

  public String getReason() {
    return reason;
  }

  public String getEvidence() {
    return evidence;
  }

  public String getTransferredBy() {
    return transferredBy;
  }

  /** When (UTC). */
  public LocalDateTime getTransferredAt() {
    return transferredAt;
  }
}
