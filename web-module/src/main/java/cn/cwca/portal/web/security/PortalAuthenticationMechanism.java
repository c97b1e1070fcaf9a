package cn.cwca.portal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * How callers log in and stay logged in: the login page ({@code LoginBacking}) hands the
 * credentials to {@code SecurityContext.authenticate}, which validates them with the identity
 * store; the caller's name and groups are then kept in the HTTP session and handed to the
 * container, with their groups, on every request. A protected page requested without a caller
 * redirects to the login page.
 *
 * <p>Why not Jakarta Security's built-in form mechanism: it restores the caller of later requests
 * from the container's own session state, which Payara Server 6.2025 shares between threads (Payara
 * FISH-7515, fixed in later releases than Maven Central offers): under concurrent anonymous
 * requests a logged-in caller's request intermittently lost its groups and was answered 403. Here
 * the groups are named explicitly on every request.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Session attribute with the logged-in {@link Caller}. */
  static final String CALLER_ATTRIBUTE = "cn.cwca.portal.web.security.caller";

  /** Where a protected page requested without a caller is sent. */
  static final String LOGIN_PAGE = "/login.xhtml";

  /** The logged-in caller as the session keeps it. */
  record Caller(String name, Set<String> groups) implements Serializable {}

  @Inject private IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return login(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller) {
      return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }
    if (context.isProtected()) {
      return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }
    return context.doNothing();
  }

  private AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    Caller caller =
        new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
    request.getSession().setAttribute(CALLER_ATTRIBUTE, caller);
    return context.notifyContainerAboutLogin(caller.name(), caller.groups());
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(CALLER_ATTRIBUTE);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }
}
