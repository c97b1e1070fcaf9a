package cn.cwca.portal.web.admin;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.security.LandingPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * /admin/password.xhtml: a staff member who logged in with a one-time password (a new account, a
 * reset) chooses their own; until then every other page sends them here (see {@code
 * PortalAuthenticationMechanism}). Their other sessions end, this one goes on to the start page.
 */
@Named
@RequestScoped
public class PasswordBacking {

  @Inject private AccountService accounts;

  @Inject private CurrentCaller caller;

  private String newPassword;
  private String confirmation;

  /** 确定. */
  public String replace() {
    try {
      int version = accounts.replaceOneTimePassword(newPassword, confirmation, caller.clientInfo());
      caller.oneTimePasswordReplaced(version);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    FacesMessages.addFlashInfoLabel("password.replaced");
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    return LandingPage.of(external::isUserInRole) + "?faces-redirect=true";
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
