package cn.cwca.portal.it.invoice;

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
 * lets a test switch, within its request, to the finance staff member {@link #FINANCE} or to the
 * other applicant {@link #OTHER_APPLICANT} ({@link #switchTo}), so that one test walks an order
 * from the applicant's 开票信息 through the finance desk and back. Used instead of {@code
 * TestCallerMechanism}.
 *
 * <p>The switch is a programmatic authentication ({@link SecurityContext#authenticate}) that this
 * mechanism answers with the caller named by a {@link CallerOnlyCredential}; the container then
 * makes that caller the current one of the thread, for the EJB calls that follow too.
 */
@ApplicationScoped
public class InvoiceCallerMechanism implements HttpAuthenticationMechanism {

  /**
   * An applicant (a natural person with a resident ID) that the random identities never produce.
   */
  public static final String APPLICANT = residentId("37010219800101888");

  /** Another applicant, whose view of the first one's orders is tested. */
  public static final String OTHER_APPLICANT = residentId("37010219800101999");

  /** A finance staff member (财务): a user name, no applicant role. */
  public static final String FINANCE = "it-finance";

  private static final Map<String, Set<String>> ROLES =
      Map.of(
          APPLICANT, Set.of("APPLICANT"),
          OTHER_APPLICANT, Set.of("APPLICANT"),
          FINANCE, Set.of("FINANCE"));

  /** Request attribute holding the response, which a programmatic authentication needs. */
  private static final String RESPONSE = InvoiceCallerMechanism.class.getName() + ".response";

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
   * Makes {@code caller} ({@link #APPLICANT}, {@link #OTHER_APPLICANT} or {@link #FINANCE}) the
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
