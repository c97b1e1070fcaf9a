package cn.cwca.portal.web.security;

import java.util.function.Predicate;

/** Where a caller lands after logging in when no protected page was requested first. */
public final class LandingPage {

  /** Start page of staff (审核员, 操作员, 财务, 管理员). */
  public static final String STAFF = "/admin/index.xhtml";

  /** Home page of applicants: application progress and notices. */
  public static final String APPLICANT = "/applicant/home.xhtml";

  private LandingPage() {}

  /**
   * The view id of the caller's start page.
   *
   * @param callerInRole whether the caller has the named role
   */
  public static String of(Predicate<String> callerInRole) {
    boolean staff =
        callerInRole.test("ADMIN")
            || callerInRole.test("REVIEWER")
            || callerInRole.test("OPERATOR")
            || callerInRole.test("FINANCE");
    return staff ? STAFF : APPLICANT;
  }
}
