package cn.cwca.portal.it.report;

import cn.cwca.portal.it.SwitchingCallers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * Test-only: the callers of the report tests, one per role; every request starts as the
 * administrator {@link #ADMIN}.
 */
@ApplicationScoped
public class ReportCallers extends SwitchingCallers {

  public static final String ADMIN = "it-report-admin";
  public static final String FINANCE = "it-report-finance";
  public static final String REVIEWER = "it-report-reviewer";
  public static final String OPERATOR = "it-report-operator";
  public static final String APPLICANT = "it-report-applicant";

  public ReportCallers() {
    super(
        ADMIN,
        Map.of(
            ADMIN, Set.of("ADMIN"),
            FINANCE, Set.of("FINANCE"),
            REVIEWER, Set.of("REVIEWER"),
            OPERATOR, Set.of("OPERATOR"),
            APPLICANT, Set.of("APPLICANT")));
  }
}
