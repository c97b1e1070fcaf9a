package cn.cwca.portal.web;

import cn.cwca.portal.account.PasswordResetService;
import cn.cwca.portal.common.BusinessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * /forgot-password.xhtml: 忘记密码. The caller proves to own the bound mobile number with an SMS code
 * and sets a new password. Whether the account exists is never revealed: sending a code always
 * gives the same answer.
 */
@Named
@ViewScoped
public class ForgotPasswordBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PasswordResetService passwordResetService;

  @Inject private CurrentCaller caller;

  private String username;
  private String mobile;
  private String code;
  private String newPassword;
  private String confirmation;

  /** 发送验证码. */
  public void sendCode() {
    try {
      passwordResetService.sendCode(username, mobile, caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    FacesMessages.addInfoLabel("forgot.codeSent");
  }

  /** 提交修改: sets the new password and sends the caller to the login page. */
  public String resetPassword() {
    try {
      passwordResetService.resetPassword(
          username, mobile, code, newPassword, confirmation, caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    FacesMessages.addFlashInfoLabel("forgot.success");
    return "/login.xhtml?faces-redirect=true";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
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
