package cn.cwca.portal.it;

import cn.cwca.portal.rules.CreditCodes;
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
 * Test-only: the callers of an in-container test that walks an order through the hands it passes
 * (the applicant, a reviewer, an operator, the CA), each with the roles of their part. Every
 * request starts as {@link #ORGANISATION}; a test switches within its request with {@link
 * #switchTo} (a programmatic authentication that this mechanism answers with the named caller,
 * which the container then makes the caller of the thread's EJB calls).
 */
@ApplicationScoped
public class TestCallers implements HttpAuthenticationMechanism {

  /** An organisation applicant (its login name is its credit code). */
  public static final String ORGANISATION = creditCode("91350100MA0T00001");

  /** A reviewer (审核员). */
  public static final String REVIEWER = "it-issuance-reviewer";

  /** Another reviewer, for the second approval of a change of subject. */
  public static final String SECOND_REVIEWER = "it-issuance-reviewer-2";

  /** An operator (操作员), who makes the keys of 邮寄 and 自取 at the office. */
  public static final String OPERATOR = "it-issuance-operator";

  /**
   * The CA itself, as the 制证 service calls it (CA_ISSUER): for a test that needs a certificate of
   * this CA before the order it is about.
   */
  public static final String CA = "it-issuance-ca";

  private static final Map<String, Set<String>> ROLES =
      Map.of(
          ORGANISATION, Set.of("APPLICANT"),
          REVIEWER, Set.of("REVIEWER"),
          SECOND_REVIEWER, Set.of("REVIEWER"),
          OPERATOR, Set.of("OPERATOR"),
          CA, Set.of("CA_ISSUER"));

  /** Request attribute holding the response, which a programmatic authentication needs. */
  private static final String RESPONSE = TestCallers.class.getName() + ".response";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String caller = ORGANISATION;
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
   * Makes {@code caller} the caller of the rest of the current request.
   *
   * @throws IllegalStateException when the container did not switch
   */
  public static void switchTo(SecurityContext security, HttpServletRequest request, String caller) {
    if (!ROLES.containsKey(caller)) {
      throw new IllegalArgumentException("unknown test caller " + caller);
    }
    HttpServletResponse response = (HttpServletResponse) request.getAttribute(RESPONSE);
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams().credential(new CallerOnlyCredential(caller)));
    if (status != AuthenticationStatus.SUCCESS) {
      throw new IllegalStateException("could not switch to " + caller + ": " + status);
    }
  }

  private static String creditCode(String first17) {
    return first17 + CreditCodes.checkCharacter(first17);
  }
}
