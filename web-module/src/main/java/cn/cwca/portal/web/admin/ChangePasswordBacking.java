package cn.cwca.portal.web.admin;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * /admin/change-password.xhtml: every staff member changes their password whenever they like, with
 * the current one and the new one twice (the password rule of registration). The account's other
 * sessions end; this one goes on. The first login's forced change is {@link PasswordBacking}.
 */
@Named
@RequestScoped
public class ChangePasswordBacking {

  @Inject private AccountService accounts;

  @Inject private CurrentCaller caller;

  private String currentPassword;
  private String newPassword;
  private String confirmation;

  /** 保存. */
  public void change() {
    try {
      caller.credentialsChanged(
          accounts.changePassword(currentPassword, newPassword, confirmation, caller.clientInfo()));
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
