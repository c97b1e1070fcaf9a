package cn.cwca.portal.web.security;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.web.ErrorIds;
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
 * (throttled), and when the password was right but the account is disabled, the refusal is left in
 * the request attribute {@value #REFUSAL_ATTRIBUTE} for the login page to show; when it cannot
 * check at all (the database is down), the error id is left in {@value #UNAVAILABLE_ATTRIBUTE}.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

  /** Request attribute with the {@link BusinessException} of a refused login attempt. */
  public static final String REFUSAL_ATTRIBUTE = "cn.cwca.portal.web.security.loginRefusal";

  /**
   * Request attribute with the error id ({@link ErrorIds}) when the credentials could not be
   * checked at all: the page says the service is unavailable, never that the password is wrong.
   */
  public static final String UNAVAILABLE_ATTRIBUTE = "cn.cwca.portal.web.security.loginUnavailable";

  @Inject private LoginService loginService;

  @Inject private HttpServletRequest request;

  /** Called by the identity store handler for {@link UsernamePasswordCredential}s. */
  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    try {
      LoginService.Checked checked =
          loginService.check(
              credential.getCaller(),
              credential.getPasswordAsString(),
              new ClientInfo(ClientAddresses.of(request)));
      if (checked.disabled()) {
        // told only to who knows the password: it reveals nothing about which accounts exist
        request.setAttribute(REFUSAL_ATTRIBUTE, new BusinessException("login.disabled"));
      }
      return checked
          .account()
          .map(PortalIdentityStore::valid)
          .orElse(CredentialValidationResult.INVALID_RESULT);
    } catch (BusinessException refusal) {
      request.setAttribute(REFUSAL_ATTRIBUTE, refusal);
      return CredentialValidationResult.INVALID_RESULT;
    } catch (RuntimeException systemError) {
      // The database or the application is not available: the password was not checked, and the
      // transaction that would have counted the attempt did not commit.
      request.setAttribute(
          UNAVAILABLE_ATTRIBUTE, ErrorIds.log("the login could not be checked", systemError));
      return CredentialValidationResult.INVALID_RESULT;
    }
  }

  private static CredentialValidationResult valid(Account account) {
    Set<String> groups = account.getRoles().stream().map(Role::name).collect(Collectors.toSet());
    return new CredentialValidationResult(account.getLoginName(), groups);
  }
}
