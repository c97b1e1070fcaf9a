package cn.cwca.portal.web.security;

import cn.cwca.portal.account.AccountService;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How callers log in and stay logged in: the login page ({@code LoginBacking}) hands the
 * credentials to {@code SecurityContext.authenticate}, which validates them with the identity
 * store; the caller's name and groups are then kept in the HTTP session and handed to the
 * container, with their groups, on every request. A protected page requested without a caller
 * redirects to the login page.
 *
 * <p>A session ends when its account's password changes (its credentials version goes up) in
 * another session or by 忘记密码: every request of a logged-in caller compares the version the session
 * logged in with to the account's, so a session on any server of the cluster ends at its next
 * request. The session where the password was changed goes on ({@link #credentialsChanged}).
 * Disabling a staff account and changing its roles raise the version too, so its sessions end.
 *
 * <p>A staff member logged in with a one-time password (a new account, a reset by an administrator)
 * reaches nothing but {@link #CHANGE_PASSWORD_PAGE} until they have chosen their own password
 * ({@link #oneTimePasswordReplaced}): every other page redirects there.
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

  /** Where a caller who must replace a one-time password is kept. */
  public static final String CHANGE_PASSWORD_PAGE = "/admin/password.xhtml";

  /** The logged-in caller as the session keeps it. */
  record Caller(String name, Set<String> groups, int credentialsVersion, boolean mustChangePassword)
      implements Serializable {}

  private static final Logger LOG = Logger.getLogger(PortalAuthenticationMechanism.class.getName());

  @Inject private IdentityStoreHandler identityStores;

  @Inject private AccountService accounts;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return login(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller) {
      if (SecurityHeadersFilter.isFacesResource(request.getServletPath())) {
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
      }
      if (stillValid(caller)) {
        if (caller.mustChangePassword() && !mayStayWithOneTimePassword(request)) {
          return context.redirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
        }
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
      }
      session.invalidate();
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
    String name = result.getCallerPrincipal().getName();
    Caller caller =
        new Caller(
            name,
            Set.copyOf(result.getCallerGroups()),
            accounts.credentialsVersion(name).orElse(0),
            accounts.mustChangePassword(name));
    request.getSession().setAttribute(CALLER_ATTRIBUTE, caller);
    return context.notifyContainerAboutLogin(caller.name(), caller.groups());
  }

  /**
   * Whether the caller's account still exists with the credentials version the session logged in
   * with. When the database cannot answer, the session goes on: the page itself will say that the
   * service is unavailable.
   */
  private boolean stillValid(Caller caller) {
    try {
      return accounts
          .credentialsVersion(caller.name())
          .map(version -> version == caller.credentialsVersion())
          .orElse(false);
    } catch (RuntimeException unavailable) {
      LOG.log(Level.FINE, "The credentials version could not be read", unavailable);
      return true;
    }
  }

  /**
   * The pages a caller with a one-time password may request: the change-password page itself and
   * the error pages.
   */
  static boolean mayStayWithOneTimePassword(HttpServletRequest request) {
    String path = request.getServletPath();
    return CHANGE_PASSWORD_PAGE.equals(path) || (path != null && path.startsWith("/error/"));
  }

  /** Whether the session's caller must replace a one-time password before anything else. */
  public static boolean mustChangePassword(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller
        && caller.mustChangePassword();
  }

  /**
   * After the caller replaced their one-time password in this session: the session goes on with the
   * new credentials version and reaches the caller's pages again.
   */
  public static void oneTimePasswordReplaced(HttpServletRequest request, int credentialsVersion) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller) {
      session.setAttribute(
          CALLER_ATTRIBUTE, new Caller(caller.name(), caller.groups(), credentialsVersion, false));
    }
  }

  /**
   * After the caller changed their password in this session: the session goes on with the new
   * credentials version, while the account's other sessions end at their next request.
   */
  public static void credentialsChanged(HttpServletRequest request, int credentialsVersion) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller) {
      session.setAttribute(
          CALLER_ATTRIBUTE,
          new Caller(
              caller.name(), caller.groups(), credentialsVersion, caller.mustChangePassword()));
    }
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
