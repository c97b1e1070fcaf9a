package cn.cwca.portal.web.admin;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.Page;
import cn.cwca.portal.support.ApplicantDetail;
import cn.cwca.portal.support.ApplicantSupportService;
import cn.cwca.portal.support.CreditCodeTransfer;
import cn.cwca.portal.support.MobileChange;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.StaffListModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * /admin/applicant.xhtml?account=id: one applicant for applicant support. Shows the account in
 * full, whether its login is locked, its orders, certificates, transfers and audit entries; 解除锁定,
 * 更换手机号 and, for an organisation, 账户移交, each with a reason. The one-time password of a transfer is
 * kept only until the dialog that shows it once is closed, and never logged.
 */
@Named
@ViewScoped
public class ApplicantBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ApplicantSupportService support;

  @Inject private CurrentCaller caller;

  private Long account;

  private ApplicantDetail detail;

  private String unlockReason;

  private String newMobile;
  private boolean mobileIdentityChecked;
  private String mobileReason;

  private String organisationName;
  private String legalRepresentative;
  private String claimantMobile;
  private String evidence;
  private String transferReason;
  private boolean transferIdentityChecked;

  /** The one-time password of a transfer to show once; cleared when the dialog closes. */
  private String oneTimePassword;

  private final StaffListModel<AuditEntry> auditEntries =
      new StaffListModel<>(this::auditPage, e -> String.valueOf(e.getId()));

  /** View action: reads the applicant the parameter names; an unknown one shows a message. */
  public void open() {
    if (account == null) {
      FacesMessages.addErrorMessage("support.notFound");
      return;
    }
    reload();
  }

  private void reload() {
    try {
      detail = support.detail(account);
    } catch (BusinessException refusal) {
      detail = null;
      FacesMessages.addError(refusal);
    }
  }

  private Page<AuditEntry> auditPage(int first, int pageSize) {
    if (detail == null) {
      return new Page<>(List.of(), 0);
    }
    return support.auditEntries(account, first, pageSize);
  }

  /** 解除锁定 (after the confirmation dialog). */
  public void unlock() {
    try {
      int cleared = support.unlock(account, unlockReason, caller.clientInfo());
      FacesMessages.addInfoLabel("support.unlocked", cleared);
      unlockReason = null;
      PrimeFaces.current().executeScript("PF('unlockDialog').hide()");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    reload();
  }

  /** 更换手机号 (after the confirmation dialog). */
  public void changeMobile() {
    try {
      support.changeMobile(
          new MobileChange(account, version(), newMobile, mobileIdentityChecked, mobileReason),
          caller.clientInfo());
      FacesMessages.addInfoLabel("support.mobileChanged");
      newMobile = null;
      mobileReason = null;
      mobileIdentityChecked = false;
      PrimeFaces.current().executeScript("PF('mobileDialog').hide()");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    reload();
  }

  /** 账户移交 (after the confirmation dialog): shows the one-time password once. */
  public void transfer() {
    try {
      ApplicantSupportService.Transferred done =
          support.transfer(
              new CreditCodeTransfer(
                  account,
                  version(),
                  organisationName,
                  legalRepresentative,
                  claimantMobile,
                  evidence,
                  transferReason,
                  transferIdentityChecked),
              caller.clientInfo());
      oneTimePassword = done.oneTimePassword();
      FacesMessages.addInfoLabel("support.transferred");
      organisationName = null;
      legalRepresentative = null;
      claimantMobile = null;
      evidence = null;
      transferReason = null;
      transferIdentityChecked = false;
      PrimeFaces.current()
          .executeScript("PF('transferDialog').hide(); PF('oneTimePasswordDialog').show();");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    reload();
  }

  /** The one-time password dialog was closed: the password is forgotten. */
  public void forgetOneTimePassword() {
    oneTimePassword = null;
  }

  private long version() {
    return detail == null ? -1 : detail.account().getVersion();
  }

  public ApplicantDetail getDetail() {
    return detail;
  }

  /** The account shown, or {@code null}. */
  public Account getApplicant() {
    return detail == null ? null : detail.account();
  }

  public StaffListModel<AuditEntry> getAuditEntries() {
    return auditEntries;
  }

  public Long getAccount() {
    return account;
  }

  public void setAccount(Long account) {
    this.account = account;
  }

  public String getUnlockReason() {
    return unlockReason;
  }

  public void setUnlockReason(String unlockReason) {
    this.unlockReason = unlockReason;
  }

  public String getNewMobile() {
    return newMobile;
  }

  public void setNewMobile(String newMobile) {
    this.newMobile = newMobile;
  }

  public boolean isMobileIdentityChecked() {
    return mobileIdentityChecked;
  }

  public void setMobileIdentityChecked(boolean mobileIdentityChecked) {
    this.mobileIdentityChecked = mobileIdentityChecked;
  }

  public String getMobileReason() {
    return mobileReason;
  }

  public void setMobileReason(String mobileReason) {
    this.mobileReason = mobileReason;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public void setOrganisationName(String organisationName) {
    this.organisationName = organisationName;
  }

  public String getLegalRepresentative() {
    return legalRepresentative;
  }

  public void setLegalRepresentative(String legalRepresentative) {
    this.legalRepresentative = legalRepresentative;
  }

  public String getClaimantMobile() {
    return claimantMobile;
  }

  public void setClaimantMobile(String claimantMobile) {
    this.claimantMobile = claimantMobile;
  }

  public String getEvidence() {
    return evidence;
  }

  public void setEvidence(String evidence) {
    this.evidence = evidence;
  }

  public String getTransferReason() {
    return transferReason;
  }

  public void setTransferReason(String transferReason) {
    this.transferReason = transferReason;
  }

  public boolean isTransferIdentityChecked() {
    return transferIdentityChecked;
  }

  public void setTransferIdentityChecked(boolean transferIdentityChecked) {
    this.transferIdentityChecked = transferIdentityChecked;
  }

  public boolean isOneTimePasswordShown() {
    return oneTimePassword != null;
  }

  public String getOneTimePassword() {
    return oneTimePassword;
  }
}
