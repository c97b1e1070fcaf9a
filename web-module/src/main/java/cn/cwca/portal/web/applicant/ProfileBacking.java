package cn.cwca.portal.web.applicant;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.ProfileUpdate;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.rules.AdministrativeDivisions;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * /applicant/profile.xhtml: 个人中心 (manual section 5.1). Shows the account, lets the applicant change
 * 机构名称 / 姓名 and 法定代表人 (the subject data a later 变更 application uses), change the bound mobile
 * number (with the current password and a code sent to the new number), and change the password
 * (which ends the account's other sessions).
 */
@Named
@ViewScoped
public class ProfileBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccountService accountService;

  @Inject private CurrentCaller caller;

  private Account account;
  private String displayName;
  private String legalRepresentative;
  private String newMobile;
  private String mobileCode;
  private String mobilePassword;
  private String currentPassword;
  private String newPassword;
  private String confirmation;

  @PostConstruct
  void load() {
    String loginName = caller.loginName();
    show(
        accountService
            .find(loginName)
            .orElseThrow(() -> new IllegalStateException("No account " + loginName)));
  }

  /** 提交修改 of 修改个人信息. */
  public void saveProfile() {
    try {
      show(
          accountService.updateProfile(
              ProfileUpdate.of(account),
              new ProfileUpdate(
                  displayName, account.getMobile(), isOrganisation() ? legalRepresentative : null),
              caller.clientInfo()));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    FacesMessages.addInfoLabel("profile.saved");
  }

  /** 保存 of 修改密码. */
  public void changePassword() {
    try {
      caller.credentialsChanged(
          accountService.changePassword(
              currentPassword, newPassword, confirmation, caller.clientInfo()));
      FacesMessages.addInfoLabel("profile.password.changed");
    } catch (BusinessException refusal) {
      FacesMessages.addErrorLabel(
          "profile.password.failed", FacesMessages.message(refusal.messageKey(), refusal.args()));
    } finally {
      currentPassword = null;
      newPassword = null;
      confirmation = null;
    }
  }

  /** 获取验证码 of 更换手机号: a code to the new number. */
  public void sendMobileCode() {
    try {
      accountService.sendMobileChangeCode(newMobile, caller.clientInfo());
      FacesMessages.addInfoLabel("profile.mobile.codeSent");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** 确认更换 of 更换手机号. */
  public void changeMobile() {
    try {
      show(accountService.changeMobile(mobilePassword, newMobile, mobileCode, caller.clientInfo()));
      newMobile = null;
      mobileCode = null;
      FacesMessages.addInfoLabel("profile.mobile.changed");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    } finally {
      mobilePassword = null;
    }
  }

  /**
   * Called after the 修改密码 form was validated: a refused field also gets the manual's 修改密码失败 on top
   * of the field's own message.
   */
  public void passwordFormValidated() {
    if (FacesContext.getCurrentInstance().isValidationFailed()) {
      FacesMessages.addErrorLabel("profile.password.invalid");
    }
  }

  private void show(Account shownAccount) {
    account = shownAccount;
    displayName = shownAccount.getDisplayName();
    legalRepresentative = shownAccount.getLegalRepresentative();
  }

  /** The account as stored. */
  public Account getAccount() {
    return account;
  }

  /** Whether the account is an organisation's (机构/企业). */
  public boolean isOrganisation() {
    return account.getType() == AccountType.ORGANISATION;
  }

  /** 所在行政区 with province and city, e.g. "山东省 聊城市 东昌府区". */
  public String getDivisionName() {
    return AdministrativeDivisions.get().fullName(account.getDivisionCode());
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getNewMobile() {
    return newMobile;
  }

  public void setNewMobile(String newMobile) {
    this.newMobile = newMobile;
  }

  public String getMobileCode() {
    return mobileCode;
  }

  public void setMobileCode(String mobileCode) {
    this.mobileCode = mobileCode;
  }

  public String getMobilePassword() {
    return mobilePassword;
  }

  public void setMobilePassword(String mobilePassword) {
    this.mobilePassword = mobilePassword;
  }

  public String getLegalRepresentative() {
    return legalRepresentative;
  }

  public void setLegalRepresentative(String legalRepresentative) {
    this.legalRepresentative = legalRepresentative;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
