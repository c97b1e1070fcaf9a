package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.RegistryRow;
import cn.cwca.portal.it.TestIdentities;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * Staff login with a USB key in headless Chromium, through the key agent and a SoftHSM2 token that
 * holds the staff member's certificate (issued by the portal's CA, recorded in its registry): the
 * administrator binds the certificate and requires the key of 财务 on KEY登录设置; the finance member's
 * password alone reaches no page; reading the key and choosing the certificate logs them in. Once
 * the certificate is revoked, the key step is refused with 证书已吊销. 财务 goes back to the password
 * alone afterwards, for the other tests.
 */
class StaffKeyLoginBrowserIT {

  private static final String ORIGIN = KeyAgentFixture.originOf(Browser.PORTAL);

  private Browser admin;
  private Browser member;

  @BeforeEach
  void openBrowsers() throws Exception {
    financeBackToThePasswordAlone();
    admin = new Browser();
    member = new Browser();
  }

  @AfterEach
  void closeBrowsers() throws SQLException {
    try {
      admin.close();
      member.close();
    } finally {
      financeBackToThePasswordAlone();
    }
  }

  @Test
  void aFinanceMemberLogsInWithTheirKeyAndIsRefusedOnceItsCertificateIsRevoked() throws Exception {
    int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    String login = "it-key-fin" + n;
    String name = "KEY登录财务" + n;
    String subject = "CN=" + name + ",C=CN";
    PortalSteps.createStaff(login, TestIdentities.PASSWORD, "FINANCE");
    AtomicReference<X509Certificate> onTheKey = new AtomicReference<>();
    try (KeyAgentFixture agent =
        KeyAgentFixture.startWithCertificate(
            ORIGIN, subject, Duration.ofDays(365), onTheKey::set)) {
      String serial = recordInTheRegistry(login, onTheKey.get());

      PortalSteps.loginAsAdmin(admin);
      admin.click("keyLoginLink");
      admin.waitForUrl("/admin/key-login.xhtml");
      admin.type("bindLoginName", login);
      admin.type("bindSerial", serial);
      admin.click("bindCertificate");
      admin.waitForPageText("已为 " + login + " 绑定证书 " + serial);
      admin.clickXpath(
          "//tr[.//span[contains(@id, 'policyRole') and text()='财务']]"
              + "//button[contains(@id, ':togglePolicy')]");
      admin.waitForPageText("登录方式已保存");
      admin.snap("staff-key-login-settings");

      PortalSteps.login(member, login, TestIdentities.PASSWORD);
      member.waitForUrl("/login-key.xhtml");
      member.waitForText("keyLoginName", login);
      member.open("/admin/index.xhtml"); // the password alone reaches no staff page
      member.waitForUrl("/login.xhtml");
      member.open("/finance/invoices.xhtml");
      member.waitForUrl("/login.xhtml");
      member.open("/login-key.xhtml");
      readKey(member, name);
      member.waitForUrl("/admin/index.xhtml");
      assertTrue(member.exists("invoicesLink"), "logged in as the finance member");
      member.snap("staff-key-login-done");
      PortalSteps.logout(member);

      revoke(serial);
      PortalSteps.login(member, login, TestIdentities.PASSWORD);
      member.waitForUrl("/login-key.xhtml");
      readKey(member, name);
      member.waitForPageText("证书已吊销");
      member.open("/admin/index.xhtml");
      member.waitForUrl("/login.xhtml");
    }
  }

  /** 识别KEY on the key step: the token, its PIN, and the staff member's certificate. */
  private static void readKey(Browser b, String name) {
    String reader = "keyReader";
    b.waitForAttribute(reader + ":picker", "data-state", "ready");
    new Select(b.find(reader + ":token"))
        .getOptions().stream()
            .filter(option -> option.getText().startsWith(KeyAgentFixture.TOKEN + " ("))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No token " + KeyAgentFixture.TOKEN))
            .click();
    b.type(reader + ":pin", KeyAgentFixture.PIN);
    b.click(reader + ":read");
    b.waitForAttribute(reader + ":picker", "data-state", "listed");
    b.clickXpath(
        "//tr[td[@class='ka-subject' and contains(., 'CN=" + name + "')]]//input[@type='radio']");
  }

  /** The certificate on the key as the CA recorded it; its serial in the registry. */
  private static String recordInTheRegistry(String owner, X509Certificate certificate)
      throws Exception {
    try (Connection c = PortalSteps.database.connect()) {
      return new RegistryRow(
              owner,
              certificate.getSubjectX500Principal().getName(),
              LocalDateTime.ofInstant(certificate.getNotBefore().toInstant(), ZoneOffset.UTC),
              LocalDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC),
              null,
              certificate.getEncoded())
          .insertInto(c);
    }
  }

  /** The CA revokes the certificate (as 吊销 records it in the registry). */
  private static void revoke(String serial) throws SQLException {
    try (Connection c = PortalSteps.database.connect();
        PreparedStatement revoke =
            c.prepareStatement(
                "UPDATE issued_certificate SET status = 'REVOKED', revoked_at = now(),"
                    + " revocation_reason = 'KEY_COMPROMISE' WHERE serial_hex = ?")) {
      revoke.setString(1, serial);
      assertEquals(1, revoke.executeUpdate());
    }
  }

  private static void financeBackToThePasswordAlone() throws SQLException {
    try (Connection c = PortalSteps.database.connect();
        PreparedStatement reset =
            c.prepareStatement(
                "UPDATE role_policy SET key_login_required = false, version = version + 1"
                    + " WHERE role = 'FINANCE' AND key_login_required")) {
      reset.executeUpdate();
    }
  }
}
