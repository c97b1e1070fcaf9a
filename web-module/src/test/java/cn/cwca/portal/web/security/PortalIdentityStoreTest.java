package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.ejb.EJBException;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalIdentityStoreTest {

  /** The login service when its database does not answer. */
  private static final class DatabaseDown extends LoginService {
    @Override
    public Checked check(String loginName, String password, ClientInfo c) {
      throw new EJBException("Connection refused");
    }
  }

  /** The login service for a disabled account whose password was typed right. */
  private static final class Disabled extends LoginService {
    @Override
    public Checked check(String loginName, String password, ClientInfo c) {
      return new Checked(Optional.empty(), true);
    }
  }

  /** The login service for a wrong password. */
  private static final class WrongPassword extends LoginService {
    @Override
    public Checked check(String loginName, String password, ClientInfo c) {
      return new Checked(Optional.empty(), false);
    }
  }

  private final Map<String, Object> attributes = new HashMap<>();

  private PortalIdentityStore storeWith(LoginService service) throws Exception {
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (p, method, args) ->
                    switch (method.getName()) {
                      case "getRemoteAddr" -> "203.0.113.7";
                      case "setAttribute" -> attributes.put((String) args[0], args[1]);
                      case "getAttribute" -> attributes.get((String) args[0]);
                      default -> null;
                    });
    PortalIdentityStore store = new PortalIdentityStore();
    set(store, "loginService", service);
    set(store, "request", request);
    return store;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = PortalIdentityStore.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void aLoginThatCannotBeCheckedIsReportedAsUnavailableNotAsAWrongPassword() throws Exception {
    PortalIdentityStore store = storeWith(new DatabaseDown());

    CredentialValidationResult result =
        store.validate(new UsernamePasswordCredential("91371500MA3C4RXY7A", "secret"));

    assertEquals(CredentialValidationResult.Status.INVALID, result.getStatus());
    Object errorId = attributes.get(PortalIdentityStore.UNAVAILABLE_ATTRIBUTE);
    assertTrue(
        errorId instanceof String id && id.matches("[0-9A-F]{10}"),
        "an error id for the page and the log: " + errorId);
    assertNull(attributes.get(PortalIdentityStore.REFUSAL_ATTRIBUTE));
  }

  @Test
  void aDisabledAccountWithItsRightPasswordIsToldItIsDisabled() throws Exception {
    PortalIdentityStore store = storeWith(new Disabled());

    CredentialValidationResult result =
        store.validate(new UsernamePasswordCredential("li.reviewer", "Right0Password"));

    assertEquals(CredentialValidationResult.Status.INVALID, result.getStatus());
    assertEquals(
        "login.disabled",
        ((BusinessException) attributes.get(PortalIdentityStore.REFUSAL_ATTRIBUTE)).messageKey());
  }

  @Test
  void aWrongPasswordSaysNothingOfTheAccount() throws Exception {
    PortalIdentityStore store = storeWith(new WrongPassword());

    CredentialValidationResult result =
        store.validate(new UsernamePasswordCredential("li.reviewer", "Wrong0Password"));

    assertEquals(CredentialValidationResult.Status.INVALID, result.getStatus());
    assertNull(attributes.get(PortalIdentityStore.REFUSAL_ATTRIBUTE));
  }
}
