package cn.cwca.portal.it.review;

import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.rules.ResidentIdNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
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
public class ReviewCallerMechanism extends SwitchingCallers {

  /** An applicant without a staff role, whose orders are reviewed. */
  public static final String APPLICANT = residentId("37010219800101444");

  /**
   * An applicant who is also a reviewer (审核员): reviews the others' orders, never their own; the
   * first approver where two approvals are asked for.
   */
  public static final String REVIEWER = residentId("37010219800101333");

  /** A second reviewer (a staff user name, no applicant role). */
  public static final String SECOND_REVIEWER = "it-reviewer-2";

  public ReviewCallerMechanism() {
    super(
        APPLICANT,
        Map.of(
            APPLICANT, Set.of("APPLICANT"),
            REVIEWER, Set.of("APPLICANT", "REVIEWER"),
            SECOND_REVIEWER, Set.of("REVIEWER")));
  }

  private static String residentId(String first17) {
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }
}
