package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaffRulesTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 1, 8, 0);

  private static String refusal(Runnable check) {
    return assertThrows(BusinessException.class, check::run).messageKey();
  }

  @Test
  void theLastActiveAdministratorCannotBeDisabledNorLoseAdmin() {
    assertEquals(
        "staff.lastAdmin",
        refusal(() -> StaffRules.keepAnAdministrator(List.of("admin"), "admin", false)));
  }

  @Test
  void anAdministratorMayGoWhileAnotherRemains() {
    assertDoesNotThrow(
        () -> StaffRules.keepAnAdministrator(List.of("admin", "chen"), "admin", false));
  }

  @Test
  void changesThatKeepTheAdministratorOrConcernOthersPass() {
    assertDoesNotThrow(() -> StaffRules.keepAnAdministrator(List.of("admin"), "admin", true));
    assertDoesNotThrow(() -> StaffRules.keepAnAdministrator(List.of("admin"), "reviewer", false));
  }

  @Test
  void anAdministratorCannotDisableThemself() {
    assertEquals("staff.disableSelf", refusal(() -> StaffRules.notSelf("admin", "admin")));
    assertDoesNotThrow(() -> StaffRules.notSelf("admin", "li.reviewer"));
  }

  @Test
  void staffHoldOneOrSeveralStaffRoles() {
    assertEquals(
        Set.of(Role.REVIEWER, Role.FINANCE),
        StaffRules.roles(List.of(Role.FINANCE, Role.REVIEWER, Role.FINANCE)));
    assertEquals(
        Set.of(Role.ADMIN, Role.REVIEWER, Role.OPERATOR, Role.FINANCE),
        StaffRules.roles(StaffRules.STAFF_ROLES));
  }

  @Test
  void staffHoldNoApplicantRoleAndAtLeastOneRole() {
    assertEquals("staff.roles.required", refusal(() -> StaffRules.roles(List.of())));
    assertEquals("staff.roles.required", refusal(() -> StaffRules.roles(null)));
    assertEquals(
        "staff.roles.invalid",
        refusal(() -> StaffRules.roles(List.of(Role.REVIEWER, Role.APPLICANT))));
    assertEquals(
        "staff.roles.invalid", refusal(() -> StaffRules.roles(Arrays.asList(Role.ADMIN, null))));
  }

  @Test
  void rolesAreDescribedInAStableOrder() {
    assertEquals(
        "[REVIEWER, FINANCE, ADMIN]",
        StaffRules.describe(Set.of(Role.ADMIN, Role.FINANCE, Role.REVIEWER)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"li.reviewer", "op_01", "fin-zhang", "abc"})
  void staffLoginNames(String name) {
    assertEquals(name, StaffRules.loginName("  " + name + " "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "Admin",
        "1admin",
        "E12345678",
        "张三",
        "a b c",
        "a23456789012345678901234567890123"
      })
  void loginNamesThatCouldBeAnApplicantsOrAreMalformedAreRefused(String name) {
    assertEquals("staff.loginName", refusal(() -> StaffRules.loginName(name)));
  }

  @Test
  void disablingAndChangingRolesEndTheSessionsEnablingDoesNot() {
    Account staff =
        Account.staff(
            "li.reviewer",
            "李审核",
            "13800138000",
            Set.of(Role.REVIEWER),
            "Passw0rdX".toCharArray(),
            NOW);
    int v0 = staff.getCredentialsVersion();
    staff.setDisabled(true, NOW);
    assertTrue(staff.isDisabled());
    assertEquals(v0 + 1, staff.getCredentialsVersion());
    staff.setDisabled(false, NOW);
    assertFalse(staff.isDisabled());
    assertEquals(v0 + 1, staff.getCredentialsVersion());
    assertFalse(staff.replaceRoles(Set.of(Role.REVIEWER), NOW));
    assertEquals(v0 + 1, staff.getCredentialsVersion());
    assertTrue(staff.replaceRoles(Set.of(Role.REVIEWER, Role.FINANCE), NOW));
    assertEquals(v0 + 2, staff.getCredentialsVersion());
    assertEquals(Set.of(Role.REVIEWER, Role.FINANCE), staff.getRoles());
  }

  @Test
  void aOneTimePasswordMustBeReplacedAndEndsTheSessions() {
    Account staff =
        Account.staff(
            "li.reviewer",
            "李审核",
            "13800138000",
            Set.of(Role.REVIEWER),
            "Passw0rdX".toCharArray(),
            NOW);
    assertFalse(
        staff.isMustChangePassword(), "the run command's and the tests' staff are not forced");
    int v0 = staff.getCredentialsVersion();
    staff.assignOneTimePassword("Abcdefgh2345".toCharArray(), NOW);
    assertTrue(staff.isMustChangePassword());
    assertTrue(staff.passwordMatches("Abcdefgh2345".toCharArray()));
    assertEquals(v0 + 1, staff.getCredentialsVersion());
    staff.replaceOneTimePassword("MyOwn0Password".toCharArray(), NOW);
    assertFalse(staff.isMustChangePassword());
    assertTrue(staff.passwordMatches("MyOwn0Password".toCharArray()));
  }
}
