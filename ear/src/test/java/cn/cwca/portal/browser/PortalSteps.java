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

  /** A connection to the database of the portal under test. */
  interface Database {
    java.sql.Connection connect() throws java.sql.SQLException;
  }

  /** The portal's database: the integration-test server's, unless a test runs its own portal. */
  static Database database = cn.cwca.portal.devserver.IntegrationServer::testDatabase;

  /**
   * 获取验证码 on a page with the mobile number typed: clicks the button and returns the code, as the
   * owner of the number reads it in the SMS (the shipped gateway keeps it in the outbox).
   */
  static String requestCode(Browser b, String buttonId, String mobile) {
    String before = lastSmsTo(mobile);
    b.clickAndWaitForAjax(buttonId);
    b.waitForText("messages", "验证码已发送");
    String text = lastSmsTo(mobile);
    if (text == null || text.equals(before)) {
      throw new AssertionError("No new SMS to " + mobile);
    }
    Matcher m = SMS_CODE.matcher(text);
    if (!m.find()) {
      throw new AssertionError("No code in the SMS: " + text);
    }
    return m.group(1);
  }

  /**
   * Lets a new code be sent to this number at once (one a minute is the limit): the codes sent to
   * it so far count as sent a minute earlier.
   */
  static void allowAnotherCodeTo(String mobile) {
    try (java.sql.Connection c = database.connect();
        java.sql.PreparedStatement s =
            c.prepareStatement(
                "UPDATE sms_code SET requested_at = requested_at - interval '61 seconds'"
                    + " WHERE mobile = ?")) {
      s.setString(1, mobile);
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The newest SMS sent to the number, {@code null} when none. */
  static String lastSmsTo(String mobile) {
    try (java.sql.Connection c = database.connect();
        java.sql.PreparedStatement s =
            c.prepareStatement(
                "SELECT text FROM sms_outbox WHERE mobile = ? ORDER BY sent_at DESC, id DESC"
                    + " LIMIT 1")) {
      s.setString(1, mobile);
      try (java.sql.ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void chooseDivision(Browser b) {
    b.choose("provinceMenu", PROVINCE);
    b.choose("cityMenu", CITY);
    b.choose("districtMenu", DISTRICT);
  }

  static void registerPerson(Browser b, String name, String mobile, String idNumber, String pw) {
    b.open("/register.xhtml");
    b.type("name", name);
    b.type("mobile", mobile);
    b.type("smsCode", requestCode(b, "sendCode", mobile));
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
    b.type("smsCode", requestCode(b, "sendCode", mobile));
    chooseDivision(b);
    b.type("legalRep", legalRep);
    b.type("password", pw);
    b.type("confirm", pw);
    b.snap("register");
    b.click("submit");
    b.waitForUrl("/login.xhtml");
    b.waitForText("messages", "注册成功，请登录");
  }

  static void login(Browser b, String loginName, String password) {
    b.open("/login.xhtml");
    b.type("username", loginName);
    b.type("password", password);
    b.snap("login");
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
   * A staff member with this password and role (FINANCE, REVIEWER, OPERATOR), as an administrator
   * would create one (the staff console is a later issue): written into the test database like the
   * first administrator.
   */
  static void createStaff(String login, String password, String role) throws java.sql.SQLException {
    try (java.sql.Connection c = cn.cwca.portal.devserver.IntegrationServer.testDatabase();
        java.sql.PreparedStatement account =
            c.prepareStatement(
                "INSERT INTO account (id, version, account_type, login_name, display_name, mobile,"
                    + " password_hash, created_at, updated_at) VALUES (nextval('account_seq'), 0,"
                    + " 'STAFF', ?, '员工' || ?, '', ?, now(), now())");
        java.sql.PreparedStatement grant =
            c.prepareStatement(
                "INSERT INTO account_role (account_id, role)"
                    + " SELECT id, ? FROM account WHERE login_name = ?")) {
      account.setString(1, login);
      account.setString(2, role);
      account.setString(3, cn.cwca.portal.account.PasswordHasher.hash(password.toCharArray()));
      account.executeUpdate();
      grant.setString(1, role);
      grant.setString(2, login);
      grant.executeUpdate();
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
    return submitNewKeyOrder(b, furtherKey, null, pdf, png);
  }

  /**
   * The same, the free first key collected at 山东聊城 (自取) by {@code collector} (name and resident ID
   * number) when one is given.
   */
  static String submitNewKeyOrder(
      Browser b, boolean furtherKey, String[] collector, Path pdf, Path png) {
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
    b.snap("apply-certificate");
    b.clickAndWaitForAjax("saveCertificate");
    b.waitForAttribute("wizardStage", "data-stage", "CONFIRMATION");
    b.snap("apply-confirmation");
    b.click("confirmNext");
    b.waitForAttribute("wizardStage", "data-stage", "PICKUP");
    if (collector != null) {
      b.clickCss("label[for='pickupMethod:1']"); // 自取
      b.find("collectorName");
      b.type("collectorName", collector[0]);
      b.type("collectorMobile", TestIdentities.mobile());
      b.typeAndLeave("collectorIdNumber", collector[1]);
    } else {
      if (!furtherKey) {
        b.clickCss("label[for='pickupMethod:0']"); // 邮寄-收方付
        b.find("recipientName");
      }
      b.type("recipientName", "孙收货");
      b.type("recipientMobile", TestIdentities.mobile());
      b.typeAndLeave("recipientAddress", "山东省聊城市东昌府区测试路1号");
    }
    b.snap("apply-pickup");
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
    b.snap("apply-documents");
    b.click("submitApplication");
    b.waitForUrl("submitted=");
    b.waitForAttribute("wizardStage", "data-stage", "SUBMITTED");
    b.snap("apply-submitted");
    return b.text("submittedId");
  }

  /**
   * 立即支付 of the logged-in applicant's order with the sandbox: 信息确认, 开票信息 as the account fills it
   * in, 扫码支付 with 模拟支付 opened in another tab (as a phone would); ends when the pay page shows 已支付.
   */
  static void payInSandbox(Browser b, String id) {
    b.open("/applicant/pay.xhtml?id=" + id);
    b.waitForAttribute("payStage", "data-stage", "CONFIRM");
    b.click("confirmNext");
    b.waitForAttribute("payStage", "data-stage", "INVOICE");
    b.snap("pay-invoice");
    b.click("invoiceNext");
    b.waitForAttribute("payStage", "data-stage", "PAY");
    b.clickCss(".pay-channel-SANDBOX");
    String sandboxUrl = b.find("sandboxLink").getAttribute("href");
    String payTab = b.driver().getWindowHandle();
    b.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    b.driver().get(sandboxUrl);
    b.clickAndWaitForAjax("sandboxPay");
    b.waitForText("sandboxPaid", "模拟支付成功");
    b.driver().close();
    b.driver().switchTo().window(payTab);
    b.waitForAttribute("payStage", "data-stage", "PAID");
  }

  /** 审核 by a reviewer: 领取 the order in the queue, open it, 通过 with the confirmation. */
  static void approve(Browser reviewer, String id) {
    reviewer.open("/review/queue.xhtml");
    reviewer.waitForText("reviewQueue", id);
    reviewer.clickCss("tr.review-order-" + id + " .claim-order");
    reviewer.waitForUrl("/review/order.xhtml");
    reviewer.waitForAttribute("reviewHeader", "data-claimed-by-me", "true");
    reviewer.click("approve");
    reviewer.find("approveYes");
    reviewer.clickAndWaitForAjax("approveYes");
    reviewer.open("/review/order.xhtml?id=" + id);
    reviewer.waitForAttribute("reviewHeader", "data-status", "APPROVED");
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
