package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LandingPageTest {

  @Test
  void sendsApplicantsToTheirHomePage() {
    assertEquals(LandingPage.APPLICANT, LandingPage.of(Set.of("APPLICANT")::contains));
  }

  @Test
  void sendsEveryStaffRoleToTheStaffStartPage() {
    for (String role : Set.of("ADMIN", "REVIEWER", "OPERATOR", "FINANCE")) {
      assertEquals(LandingPage.STAFF, LandingPage.of(Set.of(role)::contains), role);
    }
  }
}
