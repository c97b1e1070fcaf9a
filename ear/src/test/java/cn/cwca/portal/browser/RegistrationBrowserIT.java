package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration of both account types through the pages, with the manual's bad examples refused
 * field by field.
 */
class RegistrationBrowserIT {

  private Browser b;

  @BeforeEach
  void openBrowser() throws Exception {
    b = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    b.close();
  }

  @Test
  void naturalPersonSeesFieldMessagesForBadInputThenRegistersAndLogsIn() {
    b.open("/register.xhtml");
    b.waitForText("registerNotice", "政采业务指南");

    b.typeAndLeave("mobile", "12440");
    b.waitForText("mobileMsg", "请输入合法手机号/电话号");
    b.typeAndLeave("mobile", "11111111111111111111");
    b.waitForText("mobileMsg", "请输入合法手机号/电话号");
    String mobile = TestIdentities.mobile();
    b.typeAndLeave("mobile", mobile);
    b.waitForEmptyText("mobileMsg");
    String code = PortalSteps.requestCode(b, "sendCode", mobile);
    b.type("smsCode", code.equals("111111") ? "222222" : "111111");

    b.typeAndLeave("idNumber", "123456789123456789");
    b.waitForText("idNumberMsg", "请输入正确的身份证号");
    String id = TestIdentities.residentId();
    b.typeAndLeave("idNumber", id);
    b.waitForEmptyText("idNumberMsg");

    b.typeAndLeave("password", "a12345678");
    b.waitForText("passwordMsg", "密码为数字、小写字母、大写字母，且长度大于8位");
    b.typeAndLeave("password", TestIdentities.PASSWORD);
    b.waitForEmptyText("passwordMsg");
    b.typeAndLeave("confirm", "Other0Password");
    b.waitForText("confirmMsg", "两次输入的密码不一致");
    b.typeAndLeave("confirm", TestIdentities.PASSWORD);
    b.waitForEmptyText("confirmMsg");

    b.type("name", "张三");
    PortalSteps.chooseDivision(b);
    b.clickAndWaitForAjax("submit");
    b.waitForText("messages", "短信验证码错误或已失效");
    assertTrue(b.currentUrl().contains("/register.xhtml"), "a wrong code registers nobody");
    b.type("smsCode", code);
    b.type("password", TestIdentities.PASSWORD);
    b.type("confirm", TestIdentities.PASSWORD);
    b.click("submit");
    b.waitForUrl("/login.xhtml");
    b.waitForText("messages", "注册成功，请登录");

    PortalSteps.login(b, id, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");
    b.waitForText("latestApplication", "暂无证书申请");
    PortalSteps.logout(b);
  }

  @Test
  void organisationRegistersWithItsCreditCodeAndLogsInWithIt() {
    b.open("/register.xhtml");
    PortalSteps.chooseOrganisationType(b);
    assertFalse(b.exists("name"), "the person's 姓名 is replaced by 机构名称");

    b.typeAndLeave("creditCode", "12440");
    b.waitForText("creditCodeMsg", "请输入18位统一社会信用代码");
    b.typeAndLeave("creditCode", "91350100M000100Y4Z");
    b.waitForText("creditCodeMsg", "请输入18位统一社会信用代码");
    String uscc = TestIdentities.creditCode();
    b.typeAndLeave("creditCode", uscc);
    b.waitForEmptyText("creditCodeMsg");

    b.type("orgName", "聊城浏览器测试有限公司");
    String mobile = TestIdentities.mobile();
    b.type("mobile", mobile);
    b.type("smsCode", PortalSteps.requestCode(b, "sendCode", mobile));
    b.type("legalRep", "王五");
    PortalSteps.chooseDivision(b);
    b.type("password", TestIdentities.PASSWORD);
    b.type("confirm", TestIdentities.PASSWORD);
    b.click("submit");
    b.waitForUrl("/login.xhtml");
    b.waitForText("messages", "注册成功，请登录");

    PortalSteps.login(b, uscc, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");
    b.click("menuProfile");
    b.waitForUrl("/applicant/profile.xhtml");
    b.waitForText("profileLegalRep", "王五");
    b.waitForText("profileDivision", "聊城市");
    b.type("legalRep", "赵法人");
    b.clickAndWaitForAjax("saveProfile");
    b.waitForText("messages", "您已成功修改个人信息");
    b.waitForText("profileLegalRep", "赵法人");
    PortalSteps.logout(b);
  }

  @Test
  void secondAccountWithTheSameIdNumberIsRefusedAndTheOwnerToldWhomToCall() {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(b, "李四", TestIdentities.mobile(), id, TestIdentities.PASSWORD);

    b.open("/register.xhtml");
    b.type("name", "李四");
    b.type("mobile", TestIdentities.mobile());
    b.type("smsCode", "000000");
    b.type("idNumber", id);
    PortalSteps.chooseDivision(b);
    b.type("password", TestIdentities.PASSWORD);
    b.type("confirm", TestIdentities.PASSWORD);
    b.clickAndWaitForAjax("submit");
    b.waitForText("messages", "该证件号码已注册。如非您本人注册，请拨打客服电话4007-188588申请核查");
    assertTrue(b.currentUrl().contains("/register.xhtml"));
  }

  @Test
  void resetClearsTheForm() {
    b.open("/register.xhtml");
    b.type("name", "赵六");
    b.type("mobile", TestIdentities.mobile());
    b.type("idNumber", TestIdentities.residentId());
    b.clickAndWaitForAjax("reset");
    assertEquals("", b.value("name"));
    assertEquals("", b.value("mobile"));
    assertEquals("", b.value("idNumber"));
  }
}
