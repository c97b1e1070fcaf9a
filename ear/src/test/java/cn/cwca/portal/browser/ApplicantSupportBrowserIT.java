package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applicant support in headless Chromium: an applicant locks their login with wrong passwords; the
 * administrator finds them by their mobile number on 查找申请人 (the list masks the ID and mobile
 * numbers), sees the lock on their page, unlocks it with a reason, and the applicant logs in at
 * once. The applicant cannot open the support pages.
 */
class ApplicantSupportBrowserIT {

  private Browser admin;
  private Browser applicant;

  @BeforeEach
  void openBrowsers() throws Exception {
    admin = new Browser();
    applicant = new Browser();
  }

  @AfterEach
  void closeBrowsers() {
    admin.close();
    applicant.close();
  }

  @Test
  void anAdministratorFindsALockedApplicantByMobileAndUnlocksThem() throws Exception {
    String id = TestIdentities.residentId();
    String mobile = TestIdentities.mobile();
    PortalSteps.registerPerson(applicant, "钱解锁", mobile, id, TestIdentities.PASSWORD);
    for (int i = 0; i < 5; i++) {
      PortalSteps.login(applicant, id, "Wrong0Password");
      applicant.waitForText("messages", "用户名或密码错误");
    }
    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.waitForText("messages", "登录失败次数过多");

    PortalSteps.loginAsAdmin(admin);
    admin.click("applicantsLink");
    admin.waitForUrl("/admin/applicants.xhtml");
    admin.type("searchText", mobile);
    admin.click("searchApplicants");
    admin.waitForPageText("钱解锁");
    admin.waitForPageText(mobile.substring(0, 4) + "***" + mobile.substring(7));
    assertTrue(!admin.text("applicantsForm").contains(id), "the ID number is masked in the list");
    admin.snap("support-search");
    admin.clickCss("a[id$='openApplicant']");
    admin.waitForUrl("/admin/applicant.xhtml");
    admin.waitForText("applicantLoginName", id);
    admin.waitForText("applicantMobile", mobile);
    admin.waitForText("lockStatus", "已锁定");

    admin.click("unlock");
    admin.type("unlockReason", "申请人来电，已核对身份证号");
    admin.click("unlockYes");
    admin.click("confirmYes");
    admin.waitForPageText("已解除锁定");
    admin.waitForText("notLocked", "正常");
    admin.waitForPageText("support.unlocked");
    admin.snap("support-unlocked");

    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    assertEquals(403, applicant.fetch(Browser.PORTAL + "/admin/applicants.xhtml").status());
    assertEquals(403, applicant.fetch(Browser.PORTAL + "/admin/applicant.xhtml").status());
  }
}
