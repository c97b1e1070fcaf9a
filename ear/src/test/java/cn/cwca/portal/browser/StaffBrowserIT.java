package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.rules.PasswordPolicy;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 员工管理 in headless Chromium: the administrator creates a reviewer, whose one-time password is shown
 * once; the reviewer logs in with it, is kept on 修改初始密码 until they chose their own, and then sees
 * only the review pages (a finance page answers 403). Disabling the reviewer ends their session,
 * and their right password is then told that the account is disabled.
 */
class StaffBrowserIT {

  private Browser admin;
  private Browser reviewer;

  @BeforeEach
  void openBrowsers() throws Exception {
    admin = new Browser();
    reviewer = new Browser();
  }

  @AfterEach
  void closeBrowsers() {
    admin.close();
    reviewer.close();
  }

  @Test
  void anAdministratorCreatesAReviewerWhoMustChooseAPasswordAndSeesOnlyTheReview()
      throws Exception {
    String login = "it-browser-rev" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    PortalSteps.loginAsAdmin(admin);
    admin.click("staffLink");
    admin.waitForUrl("/admin/staff.xhtml");
    admin.click("newStaff");
    admin.type("newLoginName", login);
    admin.type("newDisplayName", "王审核");
    admin.type("newMobile", TestIdentities.mobile());
    admin.clickCss("label[for='newRoles:1']"); // 审核员
    admin.snap("staff-new");
    admin.click("createStaff");
    admin.waitForText("oneTimePasswordFor", login);
    String oneTime = admin.text("oneTimePassword").strip();
    assertTrue(PasswordPolicy.isValid(oneTime), "a valid one-time password: " + oneTime);
    admin.snap("staff-one-time-password");
    admin.click("oneTimePasswordDone");
    admin.waitForEmptyText("oneTimePassword");
    admin.waitForPageText(login);
    admin.waitForPageText("待修改密码");

    PortalSteps.login(reviewer, login, oneTime);
    reviewer.waitForUrl("/admin/password.xhtml");
    reviewer.open("/review/queue.xhtml");
    reviewer.waitForUrl("/admin/password.xhtml"); // cannot leave until done
    reviewer.open("/admin/index.xhtml");
    reviewer.waitForUrl("/admin/password.xhtml");
    reviewer.type("newPassword", oneTime);
    reviewer.type("confirmation", oneTime);
    reviewer.click("replacePassword");
    reviewer.waitForPageText("新密码不能与一次性密码相同");
    reviewer.type("newPassword", TestIdentities.PASSWORD);
    reviewer.type("confirmation", TestIdentities.PASSWORD);
    reviewer.snap("staff-first-password");
    reviewer.click("replacePassword");
    reviewer.waitForUrl("/admin/index.xhtml");

    assertTrue(reviewer.exists("reviewLink"), "the review is the reviewer's");
    assertFalse(reviewer.exists("staffLink"));
    assertFalse(reviewer.exists("invoicesLink"));
    assertFalse(reviewer.exists("shippingLink"));
    reviewer.click("reviewLink");
    reviewer.waitForUrl("/review/queue.xhtml");
    String total = reviewer.text("reviewQueue:queueTotal");
    assertTrue(
        total.matches("共 \\d+\\+? 条"), "the queue's total, 1000+ beyond a thousand: " + total);
    assertEquals(403, reviewer.fetch(Browser.PORTAL + "/finance/invoices.xhtml").status());
    assertEquals(403, reviewer.fetch(Browser.PORTAL + "/admin/staff.xhtml").status());
    assertEquals(403, reviewer.fetch(Browser.PORTAL + "/operator/shipping.xhtml").status());
    reviewer.open("/finance/payments.xhtml");
    reviewer.waitForText("errorText", "您没有权限访问此页面");

    // disabling ends the reviewer's session at its next request, and the login is refused
    admin.reload();
    admin.clickXpath("//tr[.//span[text()='" + login + "']]//button[contains(@id, ':disable')]");
    admin.click("confirmYes");
    admin.waitForPageText("已停用 " + login);
    reviewer.open("/review/queue.xhtml");
    reviewer.waitForUrl("/login.xhtml");
    PortalSteps.login(reviewer, login, TestIdentities.PASSWORD);
    reviewer.waitForPageText("账号已停用，请联系系统管理员");
  }
}
