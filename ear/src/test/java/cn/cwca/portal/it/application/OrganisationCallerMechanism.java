package cn.cwca.portal.it.application;

import cn.cwca.portal.rules.CreditCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Test-only: authenticates every request of the test WAR as the organisation {@link #LOGIN_NAME},
 * so that the in-container tests of what only an organisation does (a 变更 of its legal
 * representative) call the services as that applicant. Used instead of {@code TestCallerMechanism}.
 */
@ApplicationScoped
public class OrganisationCallerMechanism implements HttpAuthenticationMechanism {

  /** A valid unified social credit code (聊城) that the random test identities never produce. */
  public static final String LOGIN_NAME = creditCode();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.notifyContainerAboutLogin(LOGIN_NAME, Set.of("APPLICANT", "CA_ISSUER"));
  }

  private static String creditCode() {
    String first17 = "91371500MA3C00001";
    return first17 + CreditCodes.checkCharacter(first17);
  }
}
