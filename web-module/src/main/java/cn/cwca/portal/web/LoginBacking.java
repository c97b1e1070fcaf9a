package cn.cwca.portal.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.security.LandingPage;
import cn.cwca.portal.web.security.PortalAuthenticationMechanism;
import cn.cwca.portal.web.security.PortalIdentityStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * /login.xhtml: hands 账号 and 密码 to Jakarta Security. After a successful login the caller sees their
 * start page ({@link LandingPage}); a staff member whose role requires the USB key goes on to its
 * step ({@link KeyLoginBacking}), not logged in yet.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject private SecurityContext securityContext;

  private String username;
  private String password;

  /** View action: a caller who is already logged in goes to their start page. */
  public String redirectIfLoggedIn() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (external.getRemoteUser() == null) {
      return null;
    }
    if (PortalAuthenticationMechanism.mustChangePassword(
        (HttpServletRequest) external.getRequest())) {
      return PortalAuthenticationMechanism.CHANGE_PASSWORD_PAGE + "?faces-redirect=true";
    }
    return LandingPage.of(external::isUserInRole) + "?faces-redirect=true";
  }

  /** 登录. */
  public String login() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();

    // Session fixation: the session that will hold the identity gets a new id. Done before
    // authenticating, because the mechanism may answer with a redirect to the requested page,
    // which commits the response.
    request.getSession();
    request.changeSessionId();

    // Always a new authentication, then a redirect to the start page: replaying the saved request
    // of
    // the page that sent the caller here (Soteria's login-to-continue) reached EJBs without the
    // caller's roles on Payara 6 (EJBAccessException on the applicant's home page).
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            withParams()
                .credential(
                    new UsernamePasswordCredential(username.strip(), new Password(password)))
                .newAuthentication(true));

    switch (status) {
      case SEND_CONTINUE:
        faces.responseComplete();
        return null;
      case SUCCESS:
        if (PortalAuthenticationMechanism.mustChangePassword(request)) {
          // a one-time password: the staff member chooses their own before anything else
          return PortalAuthenticationMechanism.CHANGE_PASSWORD_PAGE + "?faces-redirect=true";
        }
        return LandingPage.of(external::isUserInRole) + "?faces-redirect=true";
      default:
        if (request.getAttribute(PortalAuthenticationMechanism.KEY_STEP_ATTRIBUTE) != null) {
          // the password was right and the caller's role requires the USB key: not logged in yet
          return KeyLoginBacking.PAGE + "?faces-redirect=true";
        }
        Object refusal = request.getAttribute(PortalIdentityStore.REFUSAL_ATTRIBUTE);
        Object unavailable = request.getAttribute(PortalIdentityStore.UNAVAILABLE_ATTRIBUTE);
        if (unavailable != null) {
          FacesMessages.addErrorLabel("error.unavailable", unavailable);
        } else if (refusal instanceof BusinessException businessRefusal) {
          FacesMessages.addError(businessRefusal);
        } else {
          FacesMessages.addErrorMessage("login.failed");
        }
        return null;
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
