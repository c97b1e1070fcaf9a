package cn.cwca.portal.web.security;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.keylogin.KeyLoginResult;
import cn.cwca.portal.keylogin.KeyLoginService;
import cn.cwca.portal.keylogin.KeyStep;
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
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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
 * <p>A staff member whose role requires the USB key ({@link KeyLoginService}) is not logged in by
 * the password: the session keeps only the id of the key step's challenge ({@link
 * #PENDING_KEY_LOGIN_ATTRIBUTE}, the challenge itself is in the database), no caller, so it reaches
 * no protected page and no EJB as that member. The key step's {@link KeyProofCredential} completes
 * the login; it is tried once, then the password is asked again.
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

  /**
   * Session attribute with the id of the challenge of a login waiting for its key step: the
   * password was right, the caller is not logged in.
   */
  static final String PENDING_KEY_LOGIN_ATTRIBUTE = "cn.cwca.portal.web.security.pendingKeyLogin";

  /** Request attribute set when the password was right and the key step comes next. */
  public static final String KEY_STEP_ATTRIBUTE = "cn.cwca.portal.web.security.keyStep";

  /** Where a caller who must replace a one-time password is kept. */
  public static final String CHANGE_PASSWORD_PAGE = "/admin/password.xhtml";

  /** The logged-in caller as the session keeps it. */
  record Caller(String name, Set<String> groups, int credentialsVersion, boolean mustChangePassword)
      implements Serializable {}

  private static final Logger LOG = Logger.getLogger(PortalAuthenticationMechanism.class.getName());

  @Inject private IdentityStoreHandler identityStores;

  @Inject private AccountService accounts;

  @Inject private KeyLoginService keyLogins;

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
    if (credential instanceof KeyProofCredential proof) {
      return completeKeyLogin(request, context, proof);
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    String name = result.getCallerPrincipal().getName();
    HttpSession session = request.getSession();
    session.removeAttribute(PENDING_KEY_LOGIN_ATTRIBUTE);
    Optional<KeyStep> keyStep;
    try {
      keyStep = keyLogins.keyStepFor(name);
    } catch (BusinessException refusal) {
      session.removeAttribute(CALLER_ATTRIBUTE);
      request.setAttribute(PortalIdentityStore.REFUSAL_ATTRIBUTE, refusal);
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (keyStep.isPresent()) {
      // the password alone logs nobody in: the session holds the challenge's id, and no caller
      session.removeAttribute(CALLER_ATTRIBUTE);
      session.setAttribute(PENDING_KEY_LOGIN_ATTRIBUTE, keyStep.get());
      request.setAttribute(KEY_STEP_ATTRIBUTE, Boolean.TRUE);
      return AuthenticationStatus.SEND_FAILURE;
    }
    return loggedIn(request, context, name, Set.copyOf(result.getCallerGroups()));
  }

  /**
   * The key step of the session's pending login, tried once: the session's challenge is spent
   * whatever the outcome, and a refusal's message key is left for the page ({@link
   * PortalIdentityStore#REFUSAL_ATTRIBUTE}).
   */
  private AuthenticationStatus completeKeyLogin(
      HttpServletRequest request, HttpMessageContext context, KeyProofCredential proof) {
    HttpSession session = request.getSession(false);
    Object pending = session == null ? null : session.getAttribute(PENDING_KEY_LOGIN_ATTRIBUTE);
    if (!(pending instanceof KeyStep step)) {
      request.setAttribute(
          PortalIdentityStore.REFUSAL_ATTRIBUTE, new BusinessException("keyLogin.expired"));
      return AuthenticationStatus.SEND_FAILURE;
    }
    session.removeAttribute(PENDING_KEY_LOGIN_ATTRIBUTE);
    KeyLoginResult result =
        keyLogins.complete(
            step, proof.proof(), proof.origin(), new ClientInfo(ClientAddresses.of(request)));
    if (result.account().isEmpty()) {
      request.setAttribute(
          PortalIdentityStore.REFUSAL_ATTRIBUTE,
          new BusinessException(result.refusal().orElse("keyLogin.proofInvalid")));
      return AuthenticationStatus.SEND_FAILURE;
    }
    Account account = result.account().get();
    Set<String> groups =
        account.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    return loggedIn(request, context, account.getLoginName(), groups);
  }

  private AuthenticationStatus loggedIn(
      HttpServletRequest request, HttpMessageContext context, String name, Set<String> groups) {
    Caller caller =
        new Caller(
            name,
            groups,
            accounts.credentialsVersion(name).orElse(0),
            accounts.mustChangePassword(name));
    request.getSession().setAttribute(CALLER_ATTRIBUTE, caller);
    return context.notifyContainerAboutLogin(caller.name(), caller.groups());
  }

  /** The session's login waiting for its key step, if any. */
  public static Optional<KeyStep> pendingKeyLogin(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
            && session.getAttribute(PENDING_KEY_LOGIN_ATTRIBUTE) instanceof KeyStep step
        ? Optional.of(step)
        : Optional.empty();
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
