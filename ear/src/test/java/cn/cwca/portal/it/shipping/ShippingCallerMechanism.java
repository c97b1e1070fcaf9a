package cn.cwca.portal.it.shipping;

import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.rules.ResidentIdNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
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
public class ShippingCallerMechanism extends SwitchingCallers {

  /** An applicant and operator (a resident ID the random identities never produce). */
  public static final String APPLICANT_OPERATOR = residentId("37010219800101212");

  /** Another applicant, neither the owner of the orders nor an operator. */
  public static final String OTHER_APPLICANT = residentId("37010219800101232");

  public ShippingCallerMechanism() {
    super(
        APPLICANT_OPERATOR,
        Map.of(
            APPLICANT_OPERATOR, Set.of("APPLICANT", "OPERATOR"),
            OTHER_APPLICANT, Set.of("APPLICANT")));
  }

  private static String residentId(String first17) {
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }
}
