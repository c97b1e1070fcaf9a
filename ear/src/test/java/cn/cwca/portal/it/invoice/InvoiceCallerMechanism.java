package cn.cwca.portal.it.invoice;

import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.rules.ResidentIdNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
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
public class InvoiceCallerMechanism extends SwitchingCallers {

  /**
   * An applicant (a natural person with a resident ID) that the random identities never produce.
   */
  public static final String APPLICANT = residentId("37010219800101888");

  /** Another applicant, whose view of the first one's orders is tested. */
  public static final String OTHER_APPLICANT = residentId("37010219800101999");

  /** A finance staff member (财务): a user name, no applicant role. */
  public static final String FINANCE = "it-finance";

  public InvoiceCallerMechanism() {
    super(
        APPLICANT,
        Map.of(
            APPLICANT, Set.of("APPLICANT"),
            OTHER_APPLICANT, Set.of("APPLICANT"),
            FINANCE, Set.of("FINANCE")));
  }

  private static String residentId(String first17) {
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }
}
