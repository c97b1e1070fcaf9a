package cn.cwca.portal.it.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 修改密码 of staff in the container with PostgreSQL: a finance member (the role the personal centre
 * never had) changes their password with the current one, under the password rule, audited without
 * the password; a wrong current password changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class StaffPasswordIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.94");
  private static final String NEW_PASSWORD = "Finance0Own0Pass";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        StaffPasswordIT.class, StaffCallers.class, SwitchingCallers.class);
  }

  @EJB StaffService staff;
  @EJB AccountService accounts;
  @EJB LoginService login;
  @EJB AuditLog audit;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  private String password;

  /** The finance member of the staff tests, with a new one-time password. */
  @BeforeEach
  void aFinanceMember() throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM account WHERE login_name = ?")) {
      delete.setString(1, StaffCallers.FINANCE);
      delete.executeUpdate();
    }
    password =
        staff
            .create(StaffCallers.FINANCE, "孙财务", "13800138094", List.of(Role.FINANCE), CLIENT)
            .oneTimePassword();
  }

  @Test
  void aFinanceMemberChangesTheirPasswordWithTheCurrentOne() {
    as(StaffCallers.FINANCE);
    int before = accounts.credentialsVersion(StaffCallers.FINANCE).orElseThrow();

    int version = accounts.changePassword(password, NEW_PASSWORD, NEW_PASSWORD, CLIENT);

    assertTrue(version > before, "the member's other sessions end");
    assertTrue(login.authenticate(StaffCallers.FINANCE, NEW_PASSWORD, CLIENT).isPresent());
    assertTrue(login.authenticate(StaffCallers.FINANCE, password, CLIENT).isEmpty());
    // newest first: the refused login with the old password came after the change
    AuditEntry entry =
        audit.forTarget(StaffCallers.FINANCE).stream()
            .filter(e -> "account.passwordChanged".equals(e.getAction()))
            .findFirst()
            .orElseThrow();
    assertEquals(StaffCallers.FINANCE, entry.getActor());
    assertEquals("staff password page", entry.getDetails());
    assertFalse(entry.getDetails().contains(NEW_PASSWORD));
  }

  @Test
  void aWrongCurrentPasswordOrAWeakNewOneChangesNothing() {
    as(StaffCallers.FINANCE);
    int before = accounts.credentialsVersion(StaffCallers.FINANCE).orElseThrow();

    assertEquals(
        "account.password.currentWrong",
        refusal(
            () -> accounts.changePassword("Wrong0Password", NEW_PASSWORD, NEW_PASSWORD, CLIENT)));
    assertEquals(
        "validation.password",
        refusal(() -> accounts.changePassword(password, "weak", "weak", CLIENT)));
    assertEquals(
        "validation.passwordConfirm",
        refusal(() -> accounts.changePassword(password, NEW_PASSWORD, "Other0Passw0rd", CLIENT)));
    assertEquals(before, accounts.credentialsVersion(StaffCallers.FINANCE).orElseThrow());
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
