package cn.cwca.portal.web.security;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a login name and password with {@link LoginService}, which also counts the failures and
 * throttles. The caller principal is the account's login name, the groups are its role names.
 *
 * <p>Jakarta Security knows only "valid" or "invalid"; when the service refuses to check at all
 * (throttled), the refusal is left in the request attribute {@value #REFUSAL_ATTRIBUTE} for the
 * login page to show.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

  /** Request attribute with the {@link BusinessException} of a refused login attempt. */
  public static final String REFUSAL_ATTRIBUTE = "cn.cwca.portal.web.security.loginRefusal";

  @Inject private LoginService loginService;

  @Inject private HttpServletRequest request;

  /** Called by the identity store handler for {@link UsernamePasswordCredential}s. */
  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    try {
      return loginService
          .authenticate(
              credential.getCaller(),
              credential.getPasswordAsString(),
              new ClientInfo(request.getRemoteAddr()))
          .map(PortalIdentityStore::valid)
          .orElse(CredentialValidationResult.INVALID_RESULT);
    } catch (BusinessException refusal) {
      request.setAttribute(REFUSAL_ATTRIBUTE, refusal);
      return CredentialValidationResult.INVALID_RESULT;
    }
  }

  private static CredentialValidationResult valid(Account account) {
    Set<String> groups = account.getRoles().stream().map(Role::name).collect(Collectors.toSet());
    return new CredentialValidationResult(account.getLoginName(), groups);
  }
}
