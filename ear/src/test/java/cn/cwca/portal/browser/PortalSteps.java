package cn.cwca.portal.browser;

import cn.cwca.portal.it.TestIdentities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a person does on the portal, step by step, shared by the browser journeys. */
final class PortalSteps {

  /** 山东省 > 聊城市 > 东昌府区 */
  static final String PROVINCE = "370000";

  static final String CITY = "371500";
  static final String DISTRICT = "371502";

  private static final Pattern SMS_CODE = Pattern.compile("验证码为(\\d{6})");

  private PortalSteps() {}

  static void chooseDivision(Browser b) {
    b.choose("provinceMenu", PROVINCE);
    b.choose("cityMenu", CITY);
    b.choose("districtMenu", DISTRICT);
  }

  static void registerPerson(Browser b, String name, String mobile, String idNumber, String pw) {
    b.open("/register.xhtml");
    b.type("name", name);
    b.type("mobile", mobile);
    b.type("idNumber", idNumber);
    chooseDivision(b);
    b.type("password", pw);
    b.type("confirm", pw);
    b.click("submit");
    b.waitForUrl("/login.xhtml");
    b.waitForText("messages", "注册成功，请登录");
  }

  static void chooseOrganisationType(Browser b) {
    b.clickCss("label[for='type:1']");
    b.find("orgName");
  }

  static void registerOrganisation(
      Browser b, String orgName, String creditCode, String mobile, String legalRep, String pw) {
    b.open("/register.xhtml");
    chooseOrganisationType(b);
    b.type("orgName", orgName);
    b.type("creditCode", creditCode);
    b.type("mobile", mobile);
    chooseDivision(b);
    b.type("legalRep", legalRep);
    b.type("password", pw);
    b.type("confirm", pw);
    b.click("submit");
    b.waitForUrl("/login.xhtml");
    b.waitForText("messages", "注册成功，请登录");
  }

  static void login(Browser b, String loginName, String password) {
    b.open("/login.xhtml");
    b.type("username", loginName);
    b.type("password", password);
    b.click("login");
  }

  static void logout(Browser b) {
    b.click("logout");
    b.waitForUrl("/login.xhtml");
  }

  static String adminPassword() throws IOException {
    Path file = Path.of(System.getProperty("it.state.dir", "target/it"), "admin.properties");
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p.getProperty("password");
  }

  /**
   * A member of the finance staff (财务) with this password, as an administrator would create one
   * (the staff console is a later issue): written into the test database like the first
   * administrator.
   */
  static void createFinanceStaff(String login, String password) throws java.sql.SQLException {
    try (java.sql.Connection c = cn.cwca.portal.devserver.IntegrationServer.testDatabase();
        java.sql.PreparedStatement account =
            c.prepareStatement(
                "INSERT INTO account (id, version, account_type, login_name, display_name, mobile,"
                    + " password_hash, created_at, updated_at) VALUES (nextval('account_seq'), 0,"
                    + " 'STAFF', ?, '财务测试员', '', ?, now(), now())");
        java.sql.PreparedStatement role =
            c.prepareStatement(
                "INSERT INTO account_role (account_id, role)"
                    + " SELECT id, 'FINANCE' FROM account WHERE login_name = ?")) {
      account.setString(1, login);
      account.setString(2, cn.cwca.portal.account.PasswordHasher.hash(password.toCharArray()));
      account.executeUpdate();
      role.setString(1, login);
      role.executeUpdate();
    }
  }

  static void loginAsAdmin(Browser b) throws IOException {
    login(b, "admin", adminPassword());
    b.waitForUrl("/admin/index.xhtml");
  }

  /**
   * 证书申请 of 新办（替换） by the logged-in organisation, step by step without detours: a further (paid)
   * key shipped from 宁夏银川, or the free first key shipped from 山东聊城; every document uploaded. Ends
   * on 提交成功.
   *
   * @return the 申请ID
   */
  static String submitNewKeyOrder(Browser b, boolean furtherKey, Path pdf, Path png) {
    b.open("/applicant/apply.xhtml");
    b.waitForAttribute("wizardStage", "data-stage", "CERTIFICATE_INFORMATION");
    b.clickCss("label[for='serviceType:0']");
    b.clickCss("label[for='jiangsuKey:1']");
    b.clickCss(furtherKey ? "label[for='furtherKey:0']" : "label[for='furtherKey:1']");
    b.chooseFirst("yearsMenu");
    b.type("agentName", "钱经办");
    b.type("agentMobile", TestIdentities.mobile());
    b.typeAndLeave("agentIdNumber", TestIdentities.residentId());
    b.click("statementLink");
    b.click("statementRead");
    b.clickAndWaitForAjax("saveCertificate");
    b.waitForAttribute("wizardStage", "data-stage", "CONFIRMATION");
    b.click("confirmNext");
    b.waitForAttribute("wizardStage", "data-stage", "PICKUP");
    if (!furtherKey) {
      b.clickCss("label[for='pickupMethod:0']"); // 邮寄-收方付
      b.find("recipientName");
    }
    b.type("recipientName", "孙收货");
    b.type("recipientMobile", TestIdentities.mobile());
    b.typeAndLeave("recipientAddress", "山东省聊城市东昌府区测试路1号");
    b.click("pickupNext");
    b.waitForAttribute("wizardStage", "data-stage", "DOCUMENTS");
    for (String type :
        new String[] {
          "APPLICATION_FORM",
          "BUSINESS_LICENCE",
          "SERVICE_AGREEMENT",
          "SEAL_FORM",
          "AGENT_ID_COPY",
          "POWER_OF_ATTORNEY"
        }) {
      Path file = type.equals("AGENT_ID_COPY") ? png : pdf;
      b.chooseFile("upload_" + type + "_input", file);
      b.waitForAttribute("status_" + type, "data-uploaded", "true");
      b.waitForAjax();
    }
    b.click("submitApplication");
    b.waitForUrl("submitted=");
    b.waitForAttribute("wizardStage", "data-stage", "SUBMITTED");
    return b.text("submittedId");
  }

  /** The newest SMS code sent to this number, as an administrator reads it on 短信发件箱. */
  static String codeFromOutbox(Browser admin, String mobile) {
    admin.open("/admin/sms-outbox.xhtml");
    admin.waitForText("outbox", mobile);
    String row =
        admin
            .driver()
            .findElement(
                org.openqa.selenium.By.xpath("//tr[td[normalize-space()='" + mobile + "']]"))
            .getText();
    Matcher m = SMS_CODE.matcher(row);
    if (!m.find()) {
      throw new AssertionError("No code in the outbox row: " + row);
    }
    return m.group(1);
  }
}
