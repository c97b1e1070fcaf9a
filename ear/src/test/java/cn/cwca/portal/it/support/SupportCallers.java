package cn.cwca.portal.it.support;

import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.rules.CreditCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * Test-only: every request of the applicant support tests starts as the administrator {@link
 * #ADMIN}; a test switches ({@link #switchTo}) to a staff member of another role, or to the
 * organisation {@link #ORGANISATION}, whose account the tests hand over and which submits an order
 * first.
 */
@ApplicationScoped
public class SupportCallers extends SwitchingCallers {

  /** The administrator who supports the applicants in these tests (no account needed). */
  public static final String ADMIN = "it-support-admin";

  public static final String REVIEWER = "it-support-reviewer";
  public static final String OPERATOR = "it-support-operator";
  public static final String FINANCE = "it-support-finance";

  /** A valid credit code (聊城) that the random test identities and the other tests never produce. */
  public static final String ORGANISATION = creditCode();

  public SupportCallers() {
    super(
        ADMIN,
        Map.of(
            ADMIN, Set.of("ADMIN"),
            REVIEWER, Set.of("REVIEWER"),
            OPERATOR, Set.of("OPERATOR"),
            FINANCE, Set.of("FINANCE"),
            ORGANISATION, Set.of("APPLICANT")));
  }

  private static String creditCode() {
    String first17 = "91371500MA3C00077";
    return first17 + CreditCodes.checkCharacter(first17);
  }
}
