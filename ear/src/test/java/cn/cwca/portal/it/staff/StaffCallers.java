package cn.cwca.portal.it.staff;

import cn.cwca.portal.it.SwitchingCallers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * Test-only: every request of the staff tests starts as the administrator {@link #ADMIN}; a test
 * switches ({@link #switchTo}) to one staff member per role, or to the staff members the tests
 * create ({@link #NEW_REVIEWER}, {@link #SECOND_ADMIN}), each with the roles named here.
 */
@ApplicationScoped
public class StaffCallers extends SwitchingCallers {

  /** The administrator who manages the staff in these tests (no account needed). */
  public static final String ADMIN = "it-staff-admin";

  public static final String REVIEWER = "it-staff-role-reviewer";
  public static final String OPERATOR = "it-staff-role-operator";
  public static final String FINANCE = "it-staff-role-finance";

  /** A reviewer the tests create with {@code StaffService}, who then logs in. */
  public static final String NEW_REVIEWER = "it-staff-new-reviewer";

  /** An administrator the tests create, who tries to disable themself. */
  public static final String SECOND_ADMIN = "it-staff-second-admin";

  public StaffCallers() {
    super(
        ADMIN,
        Map.of(
            ADMIN, Set.of("ADMIN"),
            REVIEWER, Set.of("REVIEWER"),
            OPERATOR, Set.of("OPERATOR"),
            FINANCE, Set.of("FINANCE"),
            NEW_REVIEWER, Set.of("REVIEWER"),
            SECOND_ADMIN, Set.of("ADMIN")));
  }
}
