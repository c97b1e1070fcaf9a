package cn.cwca.portal.it.review;

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
 * Test-only: authenticates every request of the test WAR as the applicant {@link #APPLICANT}, and
 * lets a test switch, within its request, to {@link #REVIEWER} (an applicant who is a reviewer too)
 * or to {@link #SECOND_REVIEWER} (a reviewer only), so that one test walks an order from the
 * applicant's submission through both reviewers and back ({@link #switchTo}). Used instead of
 * {@code TestCallerMechanism}.
 *
 * <p>The switch is a programmatic authentication ({@link SecurityContext#authenticate}) that this
 * mechanism answers with the caller named by a {@link CallerOnlyCredential}; the container then
 * makes that caller the current one of the thread, for the EJB calls that follow and for the tasks
 * the thread submits to the managed executor.
 */
@ApplicationScoped
public class ReviewCallerMechanism implements HttpAuthenticationMechanism {

  /** An applicant without a staff role, whose orders are reviewed. */
  public static final String APPLICANT = residentId("37010219800101444");

  /**
   * An applicant who is also a reviewer (审核员): reviews the others' orders, never their own; the
   * first approver where two approvals are asked for.
   */
  public static final String REVIEWER = residentId("37010219800101333");

  /** A second reviewer (a staff user name, no applicant role). */
  public static final String SECOND_REVIEWER = "it-reviewer-2";

  private static final Map<String, Set<String>> ROLES =
      Map.of(
          APPLICANT, Set.of("APPLICANT"),
          REVIEWER, Set.of("APPLICANT", "REVIEWER"),
          SECOND_REVIEWER, Set.of("REVIEWER"));

  /** Request attribute holding the response, which a programmatic authentication needs. */
  private static final String RESPONSE = ReviewCallerMechanism.class.getName() + ".response";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String caller = APPLICANT;
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
   * Makes {@code caller} ({@link #APPLICANT}, {@link #REVIEWER} or {@link #SECOND_REVIEWER}) the
   * caller of the rest of the current request.
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
