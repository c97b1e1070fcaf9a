package cn.cwca.portal.it;

import cn.cwca.portal.rules.CreditCodes;
import jakarta.enterprise.context.ApplicationScoped;
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
public class TestCallers extends SwitchingCallers {

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

  public TestCallers() {
    super(
        ORGANISATION,
        Map.of(
            ORGANISATION, Set.of("APPLICANT"),
            REVIEWER, Set.of("REVIEWER"),
            SECOND_REVIEWER, Set.of("REVIEWER"),
            OPERATOR, Set.of("OPERATOR"),
            CA, Set.of("CA_ISSUER")));
  }

  private static String creditCode(String first17) {
    return first17 + CreditCodes.checkCharacter(first17);
  }
}
