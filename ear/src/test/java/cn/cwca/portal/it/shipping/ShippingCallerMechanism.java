package cn.cwca.portal.it.shipping;

import cn.cwca.portal.rules.ResidentIdNumbers;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Test-only: authenticates every request of the test WAR as {@link #APPLICANT_OPERATOR}, an
 * applicant who is an operator (操作员) too, so that one test orders a key as the applicant, ships it
 * or hands it over as the operator and signs for it as the applicant again; and lets a test switch,
 * within its request, to {@link #OTHER_APPLICANT}, an applicant without the operator's role ({@link
 * #switchTo}). Used instead of {@code TestCallerMechanism}.
 *
 * <p>The switch is a programmatic authentication ({@link SecurityContext#authenticate}) that this
 * mechanism answers with the caller named by a {@link CallerOnlyCredential}; the container then
 * makes that caller the current one of the thread, for the EJB calls that follow too.
 */
@ApplicationScoped
public class ShippingCallerMechanism implements HttpAuthenticationMechanism {

  /** An applicant and operator (a resident ID the random identities never produce). */
  public static final String APPLICANT_OPERATOR = residentId("37010219800101212");

  /** Another applicant, neither the owner of the orders nor an operator. */
  public static final String OTHER_APPLICANT = residentId("37010219800101232");

  private static final Map<String, Set<String>> ROLES =
      Map.of(
          APPLICANT_OPERATOR, Set.of("APPLICANT", "OPERATOR"),
          OTHER_APPLICANT, Set.of("APPLICANT"));

  /** Request attribute holding the response, which a programmatic authentication needs. */
  private static final String RESPONSE = ShippingCallerMechanism.class.getName() + ".response";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String caller = APPLICANT_OPERATOR;
    AuthenticationParameters parameters = context.getAuthParameters();
    if (parameters != null
        && parameters.getCredential() instanceof CallerOnlyCredential named
        && ROLES.containsKey(named.getCaller())) {
      caller = named.getCaller();
    }
    if (request.getAttribute(RESPONSE) == null) {
      request.setAttribute(RESPONSE, response);
    }
    return context.notifyContainerAboutLogin(caller, ROLES.get(caller));
  }

  /**
   * Makes {@code caller} ({@link #APPLICANT_OPERATOR} or {@link #OTHER_APPLICANT}) the caller of
   * the rest of the current request.
   *
   * @return the outcome of the authentication: {@link AuthenticationStatus#SUCCESS} when switched
   */
  public static AuthenticationStatus switchTo(
      SecurityContext security, HttpServletRequest request, String caller) {
    if (!ROLES.containsKey(caller)) {
      throw new IllegalArgumentException("unknown test caller " + caller);
    }
    HttpServletResponse response = (HttpServletResponse) request.getAttribute(RESPONSE);
    return security.authenticate(
        request,
        response,
        AuthenticationParameters.withParams().credential(new CallerOnlyCredential(caller)));
  }

  private static String residentId(String first17) {
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }
}
