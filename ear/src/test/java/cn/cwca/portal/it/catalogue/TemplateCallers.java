package cn.cwca.portal.it.catalogue;

import cn.cwca.portal.it.SwitchingCallers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * Test-only: every request of {@link DocumentTemplateIT} starts as the administrator {@link
 * #ADMIN}; a test switches to a reviewer or to an applicant, who downloads the templates.
 */
@ApplicationScoped
public class TemplateCallers extends SwitchingCallers {

  public static final String ADMIN = "it-template-admin";
  public static final String REVIEWER = "it-template-reviewer";
  public static final String APPLICANT = "it-template-applicant";

  public TemplateCallers() {
    super(
        ADMIN,
        Map.of(
            ADMIN, Set.of("ADMIN"),
            REVIEWER, Set.of("REVIEWER"),
            APPLICANT, Set.of("APPLICANT")));
  }
}
