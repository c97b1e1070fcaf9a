package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.ProfileUpdate;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.ejb.EJB;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The personal centre through the real services, called as an authenticated applicant: each edit
 * acts on the caller's own account only, is audited (who, what, from where; never a password) and
 * changes nothing when refused.
 */
@ExtendWith(ArquillianExtension.class)
class ProfileServiceIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.99");
  private static final String OTHER_PASSWORD = "Changed0Pass";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        ProfileServiceIT.class, TestIdentities.class, TestCallerMechanism.class);
  }

  @EJB AccountService accounts;
  @EJB LoginService logins;
  @EJB AuditLog audit;

  private static final String ME = TestCallerMechanism.LOGIN_NAME;

  /** The caller's account exists with the known password, whatever an earlier test did. */
  @BeforeEach
  void callerHasAnAccount() {
    if (accounts.find(ME).isEmpty()) {
      accounts.registerPerson(TestIdentities.person("测试申请人", ME), CLIENT);
    } else if (logins.authenticate(ME, TestIdentities.PASSWORD, CLIENT).isEmpty()) {
      accounts.changePassword(
          OTHER_PASSWORD, TestIdentities.PASSWORD, TestIdentities.PASSWORD, CLIENT);
    }
  }

  private String someoneElse() {
    String id = TestIdentities.residentId();
    accounts.registerPerson(TestIdentities.person("其他申请人", id), CLIENT);
    return id;
  }

  @Test
  void profileEditChangesTheCallersAccountAndIsAudited() {
    String other = someoneElse();
    Account otherBefore = accounts.find(other).orElseThrow();
    int auditBefore = audit.forTarget(ME).size();
    String newMobile = TestIdentities.mobile();
    ProfileUpdate shown = ProfileUpdate.of(accounts.find(ME).orElseThrow());

    accounts.updateProfile(shown, new ProfileUpdate("改名后的申请人", newMobile, null), CLIENT);

    Account me = accounts.find(ME).orElseThrow();
    assertEquals("改名后的申请人", me.getDisplayName());
    assertEquals(newMobile, me.getMobile());
    Account otherAfter = accounts.find(other).orElseThrow();
    assertEquals(otherBefore.getDisplayName(), otherAfter.getDisplayName());
    assertEquals(otherBefore.getMobile(), otherAfter.getMobile());

    List<AuditEntry> entries = audit.forTarget(ME);
    assertEquals(auditBefore + 1, entries.size());
    AuditEntry newest = entries.get(0);
    assertEquals(ME, newest.getActor());
    assertEquals(CLIENT.remoteAddress(), newest.getRemoteAddress());
    assertTrue(newest.getDetails().contains(newMobile), "the audit says what changed");
  }

  @Test
  void anEditFromAFormShowingOlderValuesIsRefusedAndUndoesNothing() {
    Account loaded = accounts.find(ME).orElseThrow();
    String otherTabsMobile = TestIdentities.mobile();
    accounts.updateProfile(
        ProfileUpdate.of(loaded),
        new ProfileUpdate(loaded.getDisplayName(), otherTabsMobile, null),
        CLIENT);

    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.updateProfile(
                    ProfileUpdate.of(loaded),
                    new ProfileUpdate("只改名字", loaded.getMobile(), null),
                    CLIENT));

    assertEquals("account.concurrentEdit", e.messageKey());
    Account now = accounts.find(ME).orElseThrow();
    assertEquals(otherTabsMobile, now.getMobile());
    assertEquals(loaded.getDisplayName(), now.getDisplayName());
  }

  @Test
  void refusedProfileEditChangesNothingAndWritesNoAuditEntry() {
    Account before = accounts.find(ME).orElseThrow();
    int auditBefore = audit.forTarget(ME).size();
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.updateProfile(
                    ProfileUpdate.of(before),
                    new ProfileUpdate("新名称", "1111111111", null),
                    CLIENT));
    assertEquals("validation.mobile", e.messageKey());
    Account after = accounts.find(ME).orElseThrow();
    assertEquals(before.getDisplayName(), after.getDisplayName());
    assertEquals(before.getMobile(), after.getMobile());
    assertEquals(auditBefore, audit.forTarget(ME).size());
  }

  @Test
  void passwordChangeNeedsTheCurrentPasswordAndIsAuditedWithoutIt() {
    BusinessException wrong =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.changePassword("Wrong0Password", OTHER_PASSWORD, OTHER_PASSWORD, CLIENT));
    assertEquals("account.password.currentWrong", wrong.messageKey());
    BusinessException weak =
        assertThrows(
            BusinessException.class,
            () -> accounts.changePassword(TestIdentities.PASSWORD, "Aa123", "Aa123", CLIENT));
    assertEquals("validation.password", weak.messageKey());

    accounts.changePassword(TestIdentities.PASSWORD, OTHER_PASSWORD, OTHER_PASSWORD, CLIENT);

    assertTrue(logins.authenticate(ME, OTHER_PASSWORD, CLIENT).isPresent());
    for (AuditEntry entry : audit.forTarget(ME)) {
      String details = String.valueOf(entry.getDetails());
      assertNotEquals(-1, entry.getActor().length());
      assertTrue(
          !details.contains(OTHER_PASSWORD) && !details.contains(TestIdentities.PASSWORD),
          "no password in the audit trail");
    }
  }
}
