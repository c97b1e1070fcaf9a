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
    return PortalDeployment.servicesWithTests(ProfileServiceIT.class, TestCallerMechanism.class);
  }

  @EJB AccountService accounts;
  @EJB LoginService logins;
  @EJB AuditLog audit;

  private static final String ME = TestCallerMechanism.LOGIN_NAME;

  /** The caller's account exists with the known password, whatever an earlier test did. */
  @BeforeEach
  void callerHasAnAccount() {
    if (accounts.find(ME).isEmpty()) {
      accounts.registerPerson(TestIdentities.person(accounts, "测试申请人", ME), CLIENT);
    } else if (logins.authenticate(ME, TestIdentities.PASSWORD, CLIENT).isEmpty()) {
      accounts.changePassword(
          OTHER_PASSWORD, TestIdentities.PASSWORD, TestIdentities.PASSWORD, CLIENT);
    }
  }

  private String someoneElse() {
    String id = TestIdentities.residentId();
    accounts.registerPerson(TestIdentities.person(accounts, "其他申请人", id), CLIENT);
    return id;
  }

  @Test
  void profileEditChangesTheCallersAccountAndIsAudited() {
    String other = someoneElse();
    Account otherBefore = accounts.find(other).orElseThrow();
    int auditBefore = audit.forTarget(ME).size();
    Account before = accounts.find(ME).orElseThrow();
    String newName = "改名后的申请人" + (before.getDisplayName().endsWith("甲") ? "乙" : "甲");

    accounts.updateProfile(
        ProfileUpdate.of(before), new ProfileUpdate(newName, before.getMobile(), null), CLIENT);

    Account me = accounts.find(ME).orElseThrow();
    assertEquals(newName, me.getDisplayName());
    Account otherAfter = accounts.find(other).orElseThrow();
    assertEquals(otherBefore.getDisplayName(), otherAfter.getDisplayName());

    List<AuditEntry> entries = audit.forTarget(ME);
    assertEquals(auditBefore + 1, entries.size());
    AuditEntry newest = entries.get(0);
    assertEquals(ME, newest.getActor());
    assertEquals(CLIENT.remoteAddress(), newest.getRemoteAddress());
    assertTrue(newest.getDetails().contains(newName), "the audit says what changed");
  }

  @Test
  void anEditFromAFormShowingOlderValuesIsRefusedAndUndoesNothing() {
    Account loaded = accounts.find(ME).orElseThrow();
    String otherTabsName = "另一页的名字" + (loaded.getDisplayName().endsWith("甲") ? "乙" : "甲");
    accounts.updateProfile(
        ProfileUpdate.of(loaded),
        new ProfileUpdate(otherTabsName, loaded.getMobile(), null),
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
    assertEquals(otherTabsName, accounts.find(ME).orElseThrow().getDisplayName());
  }

  @Test
  void theMobileNumberDoesNotChangeWithAProfileEdit() {
    Account before = accounts.find(ME).orElseThrow();
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.updateProfile(
                    ProfileUpdate.of(before),
                    new ProfileUpdate("新名称", TestIdentities.mobile(), null),
                    CLIENT));
    assertEquals("account.mobile.changeWithCode", e.messageKey());
    Account after = accounts.find(ME).orElseThrow();
    assertEquals(before.getMobile(), after.getMobile());
    assertEquals(before.getDisplayName(), after.getDisplayName());
  }

  @Test
  void theMobileNumberChangesWithThePasswordAndTheCodeSentToTheNewNumber() {
    Account before = accounts.find(ME).orElseThrow();
    String old = before.getMobile();
    String next = TestIdentities.mobile();
    accounts.sendMobileChangeCode(next, CLIENT);
    String code = TestSms.codeIn(TestSms.lastTextTo(next).orElseThrow());
    String wrongCode = code.equals("111111") ? "222222" : "111111";

    assertEquals(
        "account.password.currentWrong",
        assertThrows(
                BusinessException.class,
                () -> accounts.changeMobile("Wrong0Password", next, code, CLIENT))
            .messageKey());
    assertEquals(
        "code.invalid",
        assertThrows(
                BusinessException.class,
                () -> accounts.changeMobile(TestIdentities.PASSWORD, next, wrongCode, CLIENT))
            .messageKey());
    assertEquals(old, accounts.find(ME).orElseThrow().getMobile(), "refused: nothing changed");

    accounts.changeMobile(TestIdentities.PASSWORD, next, code, CLIENT);

    assertEquals(next, accounts.find(ME).orElseThrow().getMobile());
    String notice = TestSms.lastTextTo(old).orElseThrow();
    assertTrue(notice.contains("已更换为"), notice);
    assertTrue(!notice.contains(next), "the old number sees the new one masked: " + notice);
    AuditEntry newest = audit.forTarget(ME).get(0);
    assertTrue(newest.getDetails().contains(old + " -> " + next), newest.getDetails());
  }

  @Test
  void aCodeSentToAnotherNumberDoesNotChangeTheMobile() {
    String next = TestIdentities.mobile();
    String elsewhere = TestIdentities.mobile();
    accounts.sendMobileChangeCode(elsewhere, CLIENT);
    String code = TestSms.codeIn(TestSms.lastTextTo(elsewhere).orElseThrow());
    assertEquals(
        "code.invalid",
        assertThrows(
                BusinessException.class,
                () -> accounts.changeMobile(TestIdentities.PASSWORD, next, code, CLIENT))
            .messageKey());
  }

  @Test
  void aMobileNumberOfAnotherAccountIsRefusedBeforeAnyCodeIsSent() {
    String other = someoneElse();
    String taken = accounts.find(other).orElseThrow().getMobile();
    assertEquals(
        "account.duplicate.mobile",
        assertThrows(BusinessException.class, () -> accounts.sendMobileChangeCode(taken, CLIENT))
            .messageKey());
  }

  @Test
  void aPasswordChangeRaisesTheCredentialsVersionThatEndsOtherSessions() {
    int before = accounts.credentialsVersion(ME).orElseThrow();
    int after =
        accounts.changePassword(TestIdentities.PASSWORD, OTHER_PASSWORD, OTHER_PASSWORD, CLIENT);
    assertEquals(before + 1, after);
    assertEquals(after, accounts.credentialsVersion(ME).orElseThrow());
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
                    new ProfileUpdate("", before.getMobile(), null),
                    CLIENT));
    assertEquals("validation.required", e.messageKey());
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
