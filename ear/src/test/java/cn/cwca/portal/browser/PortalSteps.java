package cn.cwca.portal.browser;

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

  static void loginAsAdmin(Browser b) throws IOException {
    login(b, "admin", adminPassword());
    b.waitForUrl("/admin/index.xhtml");
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
