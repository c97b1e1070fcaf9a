package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.keylogin.KeyLoginResult;
import cn.cwca.portal.keylogin.KeyLoginService;
import cn.cwca.portal.keylogin.KeyStep;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A staff member whose role requires the USB key is not logged in by the password: the session
 * holds the key step (its challenge and the credentials version) and no caller, so it reaches no
 * protected page; the key step is tried once, and only a proven one logs the member in.
 */
class KeyLoginSessionTest {

  private static final String NAME = "wang.finance";

  private static final KeyStep CHALLENGE = new KeyStep(42L, 1);

  /** The account as the database knows it. */
  private static final class Accounts extends AccountService {
    @Override
    public Optional<Integer> credentialsVersion(String loginName) {
      return Optional.of(1);
    }

    @Override
    public boolean mustChangePassword(String loginName) {
      return false;
    }
  }

  /** The key step: required for every login; its outcome as the test sets it. */
  private static final class KeyLogins extends KeyLoginService {
    KeyLoginResult outcome;
    KeyStep completed;

    @Override
    public Optional<KeyStep> keyStepFor(String loginName) {
      return Optional.of(CHALLENGE);
    }

    @Override
    public KeyLoginResult complete(KeyStep step, KeyProof proof, String origin, ClientInfo c) {
      completed = step;
      return outcome;
    }
  }

  private final Map<String, Object> sessionAttributes = new HashMap<>();
  private final Map<String, Object> requestAttributes = new HashMap<>();
  private final KeyLogins keyLogins = new KeyLogins();
  private String redirectedTo;
  private String loggedInAs;

  private HttpServletRequest request(String servletPath) {
    HttpSession session =
        (HttpSession)
            Proxy.newProxyInstance(
                HttpSession.class.getClassLoader(),
                new Class<?>[] {HttpSession.class},
                (p, method, args) ->
                    switch (method.getName()) {
                      case "getAttribute" -> sessionAttributes.get((String) args[0]);
                      case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
                      case "removeAttribute" -> sessionAttributes.remove((String) args[0]);
                      default -> null;
                    });
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "getSession" -> session;
                  case "getServletPath" -> servletPath;
                  case "getContextPath" -> "/portal";
                  case "getRemoteAddr" -> "203.0.113.8";
                  case "getAttribute" -> requestAttributes.get((String) args[0]);
                  case "setAttribute" -> requestAttributes.put((String) args[0], args[1]);
                  default -> null;
                });
  }

  private HttpMessageContext context(Credential credential) {
    return (HttpMessageContext)
        Proxy.newProxyInstance(
            HttpMessageContext.class.getClassLoader(),
            new Class<?>[] {HttpMessageContext.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "getAuthParameters" ->
                      AuthenticationParameters.withParams().credential(credential);
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

  private AuthenticationStatus send(String path, Credential credential) throws Exception {
    PortalAuthenticationMechanism mechanism = new PortalAuthenticationMechanism();
    IdentityStoreHandler passwordRight =
        c -> new CredentialValidationResult(new CallerPrincipal(NAME), Set.of("FINANCE"));
    set(mechanism, "identityStores", passwordRight);
    set(mechanism, "accounts", new Accounts());
    set(mechanism, "keyLogins", keyLogins);
    return mechanism.validateRequest(request(path), null, context(credential));
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = PortalAuthenticationMechanism.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private AuthenticationStatus password() throws Exception {
    return send("/login.xhtml", new UsernamePasswordCredential(NAME, "Right0Password"));
  }

  private static KeyProofCredential proof() {
    return new KeyProofCredential(
        new KeyProof("bm9uY2U=", "SHA256withECDSA", "c2lnbmF0dXJl"), "https://ca.example.cn");
  }

  @Test
  void theRightPasswordAloneLogsNobodyInWhenTheKeyIsRequired() throws Exception {
    assertEquals(AuthenticationStatus.SEND_FAILURE, password());
    assertNull(loggedInAs);
    assertNull(sessionAttributes.get(PortalAuthenticationMechanism.CALLER_ATTRIBUTE));
    assertEquals(
        CHALLENGE,
        sessionAttributes.get(PortalAuthenticationMechanism.PENDING_KEY_LOGIN_ATTRIBUTE));
    assertEquals(
        Boolean.TRUE, requestAttributes.get(PortalAuthenticationMechanism.KEY_STEP_ATTRIBUTE));
  }

  @Test
  void aSessionWaitingForTheKeyReachesNoProtectedPage() throws Exception {
    password();
    assertEquals(AuthenticationStatus.SEND_CONTINUE, send("/finance/invoices.xhtml", null));
    assertEquals("/portal/login.xhtml", redirectedTo);
    assertNull(loggedInAs);
  }

  @Test
  void aProvenKeyLogsTheMemberInWithTheirRoles() throws Exception {
    password();
    keyLogins.outcome =
        KeyLoginResult.loggedIn(
            Account.staff(
                NAME,
                "王财务",
                "13800138000",
                Set.of(Role.FINANCE),
                "Right0Password".toCharArray(),
                LocalDateTime.now()));

    assertEquals(AuthenticationStatus.SUCCESS, send("/login-key.xhtml", proof()));
    assertEquals(NAME, loggedInAs);
    assertEquals(CHALLENGE, keyLogins.completed);
    assertTrue(
        sessionAttributes.get(PortalAuthenticationMechanism.CALLER_ATTRIBUTE)
                instanceof PortalAuthenticationMechanism.Caller caller
            && caller.groups().equals(Set.of("FINANCE")));
    assertFalse(PortalAuthenticationMechanism.pendingKeyLogin(request("/")).isPresent());
  }

  @Test
  void aRefusedKeyLogsNobodyInAndCannotBeTriedAgain() throws Exception {
    password();
    keyLogins.outcome = KeyLoginResult.refused("keyLogin.revoked");

    assertEquals(AuthenticationStatus.SEND_FAILURE, send("/login-key.xhtml", proof()));
    assertNull(loggedInAs);
    assertEquals(
        "keyLogin.revoked",
        ((BusinessException) requestAttributes.get(PortalIdentityStore.REFUSAL_ATTRIBUTE))
            .messageKey());

    keyLogins.completed = null;
    requestAttributes.clear();
    assertEquals(AuthenticationStatus.SEND_FAILURE, send("/login-key.xhtml", proof()));
    assertNull(keyLogins.completed, "no pending login left to complete");
    assertEquals(
        "keyLogin.expired",
        ((BusinessException) requestAttributes.get(PortalIdentityStore.REFUSAL_ATTRIBUTE))
            .messageKey());
  }

  @Test
  void aKeyProofWithoutAPasswordFirstLogsNobodyIn() throws Exception {
    assertEquals(AuthenticationStatus.SEND_FAILURE, send("/login-key.xhtml", proof()));
    assertNull(loggedInAs);
    assertNull(keyLogins.completed);
  }
}
