package cn.cwca.portal.it.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.account.StaffService;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.rules.PasswordPolicy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 员工管理 in the container with PostgreSQL: an administrator creates a staff member with a one-time
 * password, who logs in with it and must replace it; disabling ends the login; a reset, a change of
 * roles; the last enabled administrator is kept; every change is audited; non-administrators are
 * refused. Runs as {@link StaffCallers#ADMIN} unless it switches ({@link #as}).
 */
@ExtendWith(ArquillianExtension.class)
class StaffServiceIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.91");
  private static final String MOBILE = "13800138091";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        StaffServiceIT.class, StaffCallers.class, SwitchingCallers.class);
  }

  @EJB StaffService staff;
  @EJB AccountService accounts;
  @EJB LoginService login;
  @EJB AuditLog audit;

  @Inject UserTransaction tx;
  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /** No staff of these tests left from an earlier run (their roles go with them). */
  @BeforeEach
  void noStaffOfTheseTests() throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM account WHERE account_type = 'STAFF' AND login_name LIKE 'it-staff-%'")) {
      delete.executeUpdate();
    }
  }

  @Test
  void aNewStaffMemberLogsInWithTheOneTimePasswordAndMustReplaceIt() {
    StaffService.Created created =
        staff.create(StaffCallers.NEW_REVIEWER, "李审核", MOBILE, List.of(Role.REVIEWER), CLIENT);
    String oneTime = created.oneTimePassword();
    assertTrue(PasswordPolicy.isValid(oneTime), "a valid password");
    Account account = accounts.find(StaffCallers.NEW_REVIEWER).orElseThrow();
    assertEquals(Set.of(Role.REVIEWER), account.getRoles());
    assertTrue(account.isMustChangePassword());
    assertTrue(accounts.mustChangePassword(StaffCallers.NEW_REVIEWER));
    assertFalse(account.isDisabled());
    assertTrue(login.authenticate(StaffCallers.NEW_REVIEWER, oneTime, CLIENT).isPresent());

    AuditEntry creation =
        audit.forTarget(StaffCallers.NEW_REVIEWER).stream()
            .filter(e -> e.getAction().equals("staff.created"))
            .findFirst()
            .orElseThrow();
    assertEquals(StaffCallers.ADMIN, creation.getActor());
    assertTrue(creation.getDetails().contains("roles: [] -> [REVIEWER]"), creation.getDetails());
    assertFalse(creation.getDetails().contains(oneTime), "never the password");

    as(StaffCallers.NEW_REVIEWER);
    assertEquals(
        "account.password.sameAsOneTime",
        refusal(() -> accounts.replaceOneTimePassword(oneTime, oneTime, CLIENT)));
    int version = accounts.replaceOneTimePassword("MyOwn0Passw0rd", "MyOwn0Passw0rd", CLIENT);
    assertEquals(version, accounts.credentialsVersion(StaffCallers.NEW_REVIEWER).orElseThrow());
    assertFalse(accounts.mustChangePassword(StaffCallers.NEW_REVIEWER));
    assertEquals(
        "account.password.notOneTime",
        refusal(() -> accounts.replaceOneTimePassword("Other0Passw0rd", "Other0Passw0rd", CLIENT)));
    assertTrue(login.authenticate(StaffCallers.NEW_REVIEWER, "MyOwn0Passw0rd", CLIENT).isPresent());
    assertTrue(login.authenticate(StaffCallers.NEW_REVIEWER, oneTime, CLIENT).isEmpty());
  }

  @Test
  void aDisabledStaffMemberCannotLogInAndTheirSessionsEnd() {
    String oneTime = reviewer().oneTimePassword();
    Account account = accounts.find(StaffCallers.NEW_REVIEWER).orElseThrow();
    int before = account.getCredentialsVersion();

    Account disabled = staff.disable(StaffCallers.NEW_REVIEWER, account.getVersion(), CLIENT);
    assertTrue(disabled.isDisabled());
    assertNotEquals(
        before,
        accounts.credentialsVersion(StaffCallers.NEW_REVIEWER).orElseThrow(),
        "a session that logged in before has ended");
    assertTrue(login.authenticate(StaffCallers.NEW_REVIEWER, oneTime, CLIENT).isEmpty());
    assertEquals("staff.disabled", latestStaffAction(StaffCallers.NEW_REVIEWER).getAction());

    Account enabled = staff.enable(StaffCallers.NEW_REVIEWER, disabled.getVersion(), CLIENT);
    assertFalse(enabled.isDisabled());
    assertTrue(login.authenticate(StaffCallers.NEW_REVIEWER, oneTime, CLIENT).isPresent());
    assertEquals("staff.enabled", latestStaffAction(StaffCallers.NEW_REVIEWER).getAction());
  }

  @Test
  void aChangeOfRolesIsAuditedBeforeAndAfterAndEndsTheSessions() {
    reviewer();
    Account account = accounts.find(StaffCallers.NEW_REVIEWER).orElseThrow();
    int before = account.getCredentialsVersion();
    Account changed =
        staff.changeRoles(
            StaffCallers.NEW_REVIEWER,
            account.getVersion(),
            List.of(Role.REVIEWER, Role.FINANCE),
            CLIENT);
    assertEquals(Set.of(Role.REVIEWER, Role.FINANCE), changed.getRoles());
    assertEquals(before + 1, changed.getCredentialsVersion());
    AuditEntry entry = latestStaffAction(StaffCallers.NEW_REVIEWER);
    assertEquals("staff.rolesChanged", entry.getAction());
    assertEquals("roles: [REVIEWER] -> [REVIEWER, FINANCE]", entry.getDetails());

    assertEquals(
        "staff.concurrentEdit",
        refusal(
            () ->
                staff.changeRoles(
                    StaffCallers.NEW_REVIEWER,
                    account.getVersion(),
                    List.of(Role.OPERATOR),
                    CLIENT)));
    assertEquals(
        "staff.roles.invalid",
        refusal(
            () ->
                staff.changeRoles(
                    StaffCallers.NEW_REVIEWER,
                    changed.getVersion(),
                    List.of(Role.APPLICANT),
                    CLIENT)));
  }

  @Test
  void aResetGivesANewOneTimePasswordThatMustBeReplaced() {
    String first = reviewer().oneTimePassword();
    as(StaffCallers.NEW_REVIEWER);
    accounts.replaceOneTimePassword("MyOwn0Passw0rd", "MyOwn0Passw0rd", CLIENT);
    as(StaffCallers.ADMIN);
    Account account = accounts.find(StaffCallers.NEW_REVIEWER).orElseThrow();
    String reset = staff.resetPassword(StaffCallers.NEW_REVIEWER, account.getVersion(), CLIENT);
    assertNotEquals(first, reset);
    assertTrue(accounts.mustChangePassword(StaffCallers.NEW_REVIEWER));
    assertTrue(login.authenticate(StaffCallers.NEW_REVIEWER, "MyOwn0Passw0rd", CLIENT).isEmpty());
    assertTrue(login.authenticate(StaffCallers.NEW_REVIEWER, reset, CLIENT).isPresent());
    AuditEntry entry = latestStaffAction(StaffCallers.NEW_REVIEWER);
    assertEquals("staff.passwordReset", entry.getAction());
    assertFalse(entry.getDetails().contains(reset));
  }

  @Test
  void theLastEnabledAdministratorIsKept() throws Exception {
    tx.begin();
    try {
      Account admin = onlyAdministrator();
      assertEquals(
          "staff.lastAdmin",
          refusal(() -> staff.disable(admin.getLoginName(), admin.getVersion(), CLIENT)));
    } finally {
      tx.rollback();
    }
    tx.begin();
    try {
      Account admin = onlyAdministrator();
      assertEquals(
          "staff.lastAdmin",
          refusal(
              () ->
                  staff.changeRoles(
                      admin.getLoginName(), admin.getVersion(), List.of(Role.REVIEWER), CLIENT)));
    } finally {
      tx.rollback();
    }
  }

  @Test
  void anAdministratorCannotDisableThemself() {
    staff.create(StaffCallers.SECOND_ADMIN, "第二管理员", MOBILE, List.of(Role.ADMIN), CLIENT);
    Account admin = accounts.find(StaffCallers.SECOND_ADMIN).orElseThrow();
    as(StaffCallers.SECOND_ADMIN);
    assertEquals(
        "staff.disableSelf",
        refusal(() -> staff.disable(StaffCallers.SECOND_ADMIN, admin.getVersion(), CLIENT)));
  }

  @Test
  void aLoginNameIsTakenOnce() {
    reviewer();
    assertEquals(
        "staff.duplicate",
        refusal(
            () ->
                staff.create(
                    StaffCallers.NEW_REVIEWER, "重名", MOBILE, List.of(Role.OPERATOR), CLIENT)));
  }

  @Test
  void onlyAdministratorsManageTheStaff() {
    for (String caller :
        List.of(StaffCallers.REVIEWER, StaffCallers.OPERATOR, StaffCallers.FINANCE)) {
      as(caller);
      assertThrows(EJBAccessException.class, () -> staff.staff(), caller);
      assertThrows(
          EJBAccessException.class,
          () -> staff.create("it-staff-x", "某某", MOBILE, List.of(Role.ADMIN), CLIENT),
          caller);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private StaffService.Created reviewer() {
    return staff.create(StaffCallers.NEW_REVIEWER, "李审核", MOBILE, List.of(Role.REVIEWER), CLIENT);
  }

  /**
   * Within the open transaction: an administrator of these tests, and every other administrator
   * disabled, so that it is the last one (the transaction is rolled back).
   */
  private Account onlyAdministrator() throws SQLException {
    staff.create(StaffCallers.SECOND_ADMIN, "最后管理员", MOBILE, List.of(Role.ADMIN), CLIENT);
    try (Connection c = database.getConnection();
        PreparedStatement others =
            c.prepareStatement(
                "UPDATE account SET disabled = true WHERE account_type = 'STAFF'"
                    + " AND login_name <> ?")) {
      others.setString(1, StaffCallers.SECOND_ADMIN);
      others.executeUpdate();
    }
    return accounts.find(StaffCallers.SECOND_ADMIN).orElseThrow();
  }

  private AuditEntry latestStaffAction(String loginName) {
    return audit.forTarget(loginName).stream()
        .filter(e -> e.getAction().startsWith("staff."))
        .findFirst()
        .orElseThrow();
  }

  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        SwitchingCallers.switchTo(security, request, caller),
        "authenticated as " + caller);
  }

  private static String refusal(Runnable call) {
    return assertThrows(BusinessException.class, call::run).messageKey();
  }
}
