package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The applicant's account journeys beside an administrator: notices on the home page, password
 * reset with the code from the SMS outbox, logout, and the pages each of them may open.
 */
class AccountJourneyBrowserIT {

  private Browser applicant;
  private Browser admin;

  @BeforeEach
  void openBrowsers() throws Exception {
    applicant = new Browser();
    admin = new Browser();
  }

  @AfterEach
  void closeBrowsers() {
    applicant.close();
    admin.close();
  }

  @Test
  void applicantSeesOnTheHomePageTheNoticeAnAdminPublished() throws Exception {
    String title = "系统维护通知 " + System.nanoTime();
    PortalSteps.loginAsAdmin(admin);
    admin.click("menuNotices");
    admin.waitForUrl("/admin/notices.xhtml");
    admin.clickAndWaitForAjax("newNotice");
    admin.type("title", title);
    admin.type("body", "本周六 9:00-12:00 系统维护，请提前办理。");
    admin.clickAndWaitForAjax("save");
    admin.waitForText("notices", title);

    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(
        applicant, "孙八", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    applicant.waitForText("latestNotice", title);
    applicant.waitForText("recentNotices", title);
    applicant.clickAndWaitForAjax("latestNotice");
    applicant.waitForText("noticeBody", "请提前办理");
    applicant.closeDialog("noticeDialog");
    PortalSteps.logout(applicant);
    PortalSteps.logout(admin);
  }

  @Test
  void applicantResetsThePasswordWithTheCodeFromTheOutboxAndLogsInWithTheNewOne() throws Exception {
    String id = TestIdentities.residentId();
    String mobile = TestIdentities.mobile();
    PortalSteps.registerPerson(applicant, "周九", mobile, id, TestIdentities.PASSWORD);
    PortalSteps.allowAnotherCodeTo(mobile); // registered more than a minute ago

    applicant.click("forgotPasswordLink");
    applicant.waitForUrl("/forgot-password.xhtml");
    applicant.type("username", id);
    applicant.type("mobile", mobile);
    applicant.clickAndWaitForAjax("sendCode");
    applicant.waitForText("messages", "如果账号与手机号匹配，验证码已发送");

    PortalSteps.loginAsAdmin(admin);
    String code = PortalSteps.codeFromOutbox(admin, mobile);

    String newPassword = "Renewed0Pass";
    applicant.type("code", code);
    applicant.type("newPassword", newPassword);
    applicant.type("confirm", newPassword);
    applicant.click("submit");
    applicant.waitForUrl("/login.xhtml");
    applicant.waitForText("messages", "密码已重置");

    PortalSteps.login(applicant, id, newPassword);
    applicant.waitForUrl("/applicant/home.xhtml");
    PortalSteps.logout(applicant);
    PortalSteps.logout(admin);
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountWithAClearMessage() {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(
        applicant, "郑十一", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(applicant, id, "Wrong0Password");
    applicant.waitForText("messages", "用户名或密码错误");
    for (int i = 0; i < 4; i++) {
      PortalSteps.login(applicant, id, "Wrong0Password");
      applicant.waitForText("messages", "用户名或密码错误");
    }
    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.waitForText("messages", "登录失败次数过多");
    assertTrue(applicant.currentUrl().contains("/login.xhtml"));
  }

  @Test
  void guestIsSentToLoginAndApplicantIsRefusedTheAdminPages() {
    applicant.open("/applicant/home.xhtml");
    applicant.waitForUrl("/login.xhtml");

    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(
        applicant, "吴十", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    applicant.open("/admin/notices.xhtml");
    applicant.waitForPageText("您没有权限访问此页面");
    applicant.open("/admin/sms-outbox.xhtml");
    applicant.waitForPageText("您没有权限访问此页面");
    assertTrue(applicant.currentUrl().contains("/admin/sms-outbox.xhtml"));
    applicant.open("/applicant/home.xhtml");
    PortalSteps.logout(applicant);
    applicant.open("/applicant/profile.xhtml");
    applicant.waitForUrl("/login.xhtml");
  }

  @Test
  void changingThePasswordEndsTheAccountsOtherSessionsButNotThisOne() throws Exception {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(
        applicant, "王十二", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    try (Browser elsewhere = new Browser()) {
      PortalSteps.login(elsewhere, id, TestIdentities.PASSWORD);
      elsewhere.waitForUrl("/applicant/home.xhtml");

      applicant.click("menuProfile");
      applicant.waitForUrl("/applicant/profile.xhtml");
      String newPassword = "Renewed0Pass";
      applicant.type("currentPassword", TestIdentities.PASSWORD);
      applicant.type("newPassword", newPassword);
      applicant.type("confirm", newPassword);
      applicant.clickAndWaitForAjax("changePassword");
      applicant.waitForText("messages", "修改成功");

      elsewhere.open("/applicant/progress.xhtml");
      elsewhere.waitForUrl("/login.xhtml");
      applicant.open("/applicant/progress.xhtml");
      assertTrue(applicant.currentUrl().contains("/applicant/progress.xhtml"), "this one goes on");
      PortalSteps.login(elsewhere, id, newPassword);
      elsewhere.waitForUrl("/applicant/home.xhtml");
    }
    PortalSteps.logout(applicant);
  }

  @Test
  void applicantChangesTheMobileNumberWithTheCodeSentToTheNewOne() {
    String id = TestIdentities.residentId();
    String old = TestIdentities.mobile();
    PortalSteps.registerPerson(applicant, "冯十三", old, id, TestIdentities.PASSWORD);
    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.click("menuProfile");
    applicant.waitForUrl("/applicant/profile.xhtml");
    applicant.waitForText("profileMobile", old);

    String next = TestIdentities.mobile();
    applicant.type("newMobile", next);
    applicant.type("mobileCode", PortalSteps.requestCode(applicant, "sendMobileCode", next));
    applicant.type("mobilePassword", TestIdentities.PASSWORD);
    applicant.clickAndWaitForAjax("changeMobile");
    applicant.waitForText("messages", "手机号已更换");
    applicant.waitForText("profileMobile", next);
    assertTrue(PortalSteps.lastSmsTo(old).contains("已更换为"), "the old number is told");
    PortalSteps.logout(applicant);
  }
}
