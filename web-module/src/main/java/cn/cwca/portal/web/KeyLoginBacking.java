package cn.cwca.portal.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.keylogin.KeyLoginService;
import cn.cwca.portal.keylogin.KeyStep;
import cn.cwca.portal.keylogin.PendingKeyLogin;
import cn.cwca.portal.web.security.KeyProofCredential;
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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * /login-key.xhtml: the second step of a staff login whose role requires the USB key. The password
 * was right, the session is not logged in and holds only the id of its challenge; the page reads
 * the key (识别KEY), has the agent sign the challenge's nonce with the key of the bound certificate
 * (portal.keyLogin, portal.js) and posts the signature, which Jakarta Security checks ({@link
 * KeyProofCredential}). One attempt: after a refusal the password is asked again.
 */
@Named
@RequestScoped
public class KeyLoginBacking {

  /** The view id of the key step. */
  public static final String PAGE = "/login-key.xhtml";

  @Inject private SecurityContext securityContext;

  @Inject private KeyLoginService keyLogins;

  private PendingKeyLogin pending;

  private String certificate;
  private String nonce;
  private String algorithm;
  private String signature;

  /** View action: the session's pending login, or a message that there is none (log in again). */
  public void open() {
    HttpServletRequest request = request();
    Optional<KeyStep> challenge = PortalAuthenticationMechanism.pendingKeyLogin(request);
    if (challenge.isEmpty()) {
      FacesMessages.addErrorMessage("keyLogin.expired");
      return;
    }
    try {
      pending = keyLogins.pending(challenge.get().challengeId());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** The key's signature arrived (posted by the page's script): completes the login. */
  public String complete() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = request();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    // the session becomes a logged-in one: it gets a new id (session fixation)
    request.changeSessionId();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            withParams()
                .credential(
                    new KeyProofCredential(
                        new KeyProof(nonce, algorithm, signature), PublicOrigin.of(request)))
                .newAuthentication(true));
    switch (status) {
      case SEND_CONTINUE:
        faces.responseComplete();
        return null;
      case SUCCESS:
        if (PortalAuthenticationMechanism.mustChangePassword(request)) {
          return PortalAuthenticationMechanism.CHANGE_PASSWORD_PAGE + "?faces-redirect=true";
        }
        return LandingPage.of(external::isUserInRole) + "?faces-redirect=true";
      default:
        if (request.getAttribute(PortalIdentityStore.REFUSAL_ATTRIBUTE)
            instanceof BusinessException refusal) {
          FacesMessages.addError(refusal);
        } else {
          FacesMessages.addErrorMessage("keyLogin.proofInvalid");
        }
        return null;
    }
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  /** The pending login, null when there is none (or it was just tried). */
  public PendingKeyLogin getPending() {
    return pending;
  }

  public String getCertificate() {
    return certificate;
  }

  public void setCertificate(String certificate) {
    this.certificate = certificate;
  }

  public String getNonce() {
    return nonce;
  }

  public void setNonce(String nonce) {
    this.nonce = nonce;
  }

  public String getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(String algorithm) {
    this.algorithm = algorithm;
  }

  public String getSignature() {
    return signature;
  }

  public void setSignature(String signature) {
    this.signature = signature;
  }
}
