package cn.cwca.portal.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Test-only: authenticates every request of the test WAR as the applicant {@link #LOGIN_NAME}, so
 * that the in-container tests call the services as that caller (the portal's own WAR has the real
 * login). It also holds the 制证 service's role (CA_ISSUER), so that the CA's tests may ask for a
 * certificate directly, as the 制证 of an order does.
 */
@ApplicationScoped
public class TestCallerMechanism implements HttpAuthenticationMechanism {

  /** A valid resident ID (济南市历下区) that the random test identities never produce. */
  public static final String LOGIN_NAME = callerId();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.notifyContainerAboutLogin(LOGIN_NAME, Set.of("APPLICANT", "CA_ISSUER"));
  }

  private static String callerId() {
    String first17 = "37010219800101777";
    return first17 + cn.cwca.portal.rules.ResidentIdNumbers.checkCharacter(first17);
  }
}
