package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountService;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A staff member logged in with a one-time password reaches only the change-password page (and the
 * error pages) until they chose their own password; a disabled account's or a re-roled account's
 * session (a raised credentials version) ends at its next request.
 */
class OneTimePasswordSessionTest {

  /** The account as the database knows it: credentials version 3. */
  private static final class Accounts extends AccountService {
    int version = 3;

    @Override
    public Optional<Integer> credentialsVersion(String loginName) {
      return Optional.of(version);
    }
  }

  private final Map<String, Object> sessionAttributes = new HashMap<>();
  private boolean invalidated;
  private String redirectedTo;
  private String loggedInAs;
  private final Accounts accounts = new Accounts();

  private HttpSession session() {
    return (HttpSession)
        Proxy.newProxyInstance(
            HttpSession.class.getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> sessionAttributes.get((String) args[0]);
                  case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
                  case "invalidate" -> {
                    invalidated = true;
                    sessionAttributes.clear();
                    yield null;
                  }
                  default -> null;
                });
  }

  private HttpServletRequest request(String servletPath) {
    HttpSession session = session();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "getSession" -> session;
                  case "getServletPath" -> servletPath;
                  case "getContextPath" -> "/portal";
                  default -> null;
                });
  }

  private HttpMessageContext context() {
    return (HttpMessageContext)
        Proxy.newProxyInstance(
            HttpMessageContext.class.getClassLoader(),
            new Class<?>[] {HttpMessageContext.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "getAuthParameters" -> AuthenticationParameters.withParams();
                  case "isProtected" -> true;
                  case "redirect" -> {
                    redirectedTo = (String) args[0];
                    yield AuthenticationStatus.SEND_CONTINUE;
                  }
                  case "notifyContainerAboutLogin" -> {
                    loggedInAs = (String) args[0];
                    yield AuthenticationStatus.SUCCESS;
                  }
                  case "doNothing" -> AuthenticationStatus.NOT_DONE;
                  default -> null;
                });
  }

  private AuthenticationStatus request(String path, boolean mustChangePassword) throws Exception {
    sessionAttributes.putIfAbsent(
        PortalAuthenticationMechanism.CALLER_ATTRIBUTE,
        new PortalAuthenticationMechanism.Caller(
            "li.reviewer", Set.of("REVIEWER"), 3, mustChangePassword));
    PortalAuthenticationMechanism mechanism = new PortalAuthenticationMechanism();
    Field field = PortalAuthenticationMechanism.class.getDeclaredField("accounts");
    field.setAccessible(true);
    field.set(mechanism, accounts);
    return mechanism.validateRequest(request(path), null, context());
  }

  @Test
  void withAOneTimePasswordEveryOtherPageSendsToTheChangePasswordPage() throws Exception {
    assertEquals(AuthenticationStatus.SEND_CONTINUE, request("/review/queue.xhtml", true));
    assertEquals("/portal/admin/password.xhtml", redirectedTo);
    assertNull(loggedInAs);
    assertEquals(AuthenticationStatus.SEND_CONTINUE, request("/admin/index.xhtml", true));
  }

  @Test
  void theChangePasswordPageAndTheErrorPagesAreReachable() throws Exception {
    assertEquals(AuthenticationStatus.SUCCESS, request("/admin/password.xhtml", true));
    assertEquals("li.reviewer", loggedInAs);
    assertEquals(AuthenticationStatus.SUCCESS, request("/error/403.xhtml", true));
    assertNull(redirectedTo);
  }

  @Test
  void afterTheOwnPasswordEveryPageOfTheRoleIsReachable() throws Exception {
    request("/admin/password.xhtml", true);
    PortalAuthenticationMechanism.oneTimePasswordReplaced(request("/admin/password.xhtml"), 4);
    accounts.version = 4;
    assertFalse(PortalAuthenticationMechanism.mustChangePassword(request("/review/queue.xhtml")));
    assertEquals(AuthenticationStatus.SUCCESS, request("/review/queue.xhtml", true));
    assertNull(redirectedTo);
  }

  @Test
  void aRaisedCredentialsVersionEndsTheSession() throws Exception {
    accounts.version = 4; // disabled, or the roles changed, by an administrator
    assertEquals(AuthenticationStatus.SEND_CONTINUE, request("/review/queue.xhtml", false));
    assertTrue(invalidated);
    assertEquals("/portal/login.xhtml", redirectedTo);
    assertNull(loggedInAs);
  }
}
