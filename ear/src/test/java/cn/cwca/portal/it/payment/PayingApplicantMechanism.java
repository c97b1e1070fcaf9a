package cn.cwca.portal.it.payment;

import cn.cwca.portal.rules.ResidentIdNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Test-only: authenticates every request of the test WAR as {@link #LOGIN_NAME}, an applicant who
 * is on the finance staff too, so that one test pays an order as the applicant and confirms a
 * transfer or a refund as 财务 (staff accounts are managed in a later issue).
 */
@ApplicationScoped
public class PayingApplicantMechanism implements HttpAuthenticationMechanism {

  /** A valid resident ID (济南市历下区) that the random test identities never produce. */
  public static final String LOGIN_NAME = residentId();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.notifyContainerAboutLogin(LOGIN_NAME, Set.of("APPLICANT", "FINANCE"));
  }

  private static String residentId() {
    String first17 = "37010219800101555";
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }
}
