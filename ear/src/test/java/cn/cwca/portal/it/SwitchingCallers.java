package cn.cwca.portal.it;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;

/**
 * Test-only: the base of the authentication mechanisms of the in-container tests that walk an order
 * through several hands. Every request of the test WAR starts as the default caller; a test
 * switches within its request with {@link #switchTo}, a programmatic authentication ({@link
 * SecurityContext#authenticate}) that the mechanism answers with the caller named by a {@link
 * CallerOnlyCredential}, which the container then makes the caller of the thread's EJB calls (and
 * of the tasks it submits to the managed executor). A caller the mechanism does not know is
 * refused.
 */
public abstract class SwitchingCallers implements HttpAuthenticationMechanism {

  /** Request attribute holding the response, which a programmatic authentication needs. */
  private static final String RESPONSE = SwitchingCallers.class.getName() + ".response";

  private final String defaultCaller;
  private final Map<String, Set<String>> roles;

  protected SwitchingCallers(String defaultCaller, Map<String, Set<String>> roles) {
    this.defaultCaller = defaultCaller;
    this.roles = Map.copyOf(roles);
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String caller = defaultCaller;
    AuthenticationParameters parameters = context.getAuthParameters();
    if (parameters != null && parameters.getCredential() instanceof CallerOnlyCredential named) {
      if (!roles.containsKey(named.getCaller())) {
        return context.responseUnauthorized();
      }
      caller = named.getCaller();
    }
    if (request.getAttribute(RESPONSE) == null) {
      request.setAttribute(RESPONSE, response);
    }
    return context.notifyContainerAboutLogin(caller, roles.get(caller));
  }

  /**
   * Makes {@code caller} the caller of the rest of the current request.
   *
   * @return {@link AuthenticationStatus#SUCCESS} when switched; a failure for a caller the test's
   *     mechanism does not know
   */
  public static AuthenticationStatus switchTo(
      SecurityContext security, HttpServletRequest request, String caller) {
    HttpServletResponse response = (HttpServletResponse) request.getAttribute(RESPONSE);
    return security.authenticate(
        request,
        response,
        AuthenticationParameters.withParams().credential(new CallerOnlyCredential(caller)));
  }
}
