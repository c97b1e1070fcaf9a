package cn.cwca.portal.browser;

import cn.cwca.portal.it.TestIdentities;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * 更新证书 in headless Chromium: the wizard reads the certificate to renew from a SoftHSM2 token
 * through the key agent on loopback (识别KEY with the PIN typed in the page), the key proves that it
 * holds the certificate's private key, and the wizard goes on to self-service key pickup.
 */
class ApplicationRenewalBrowserIT {

  private static final String ORIGIN = KeyAgentFixture.originOf(Browser.PORTAL);

  private Browser b;

  @BeforeEach
  void openBrowser() throws Exception {
    b = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    b.close();
  }

  private void waitForStage(String stage) {
    b.waitForAttribute("wizardStage", "data-stage", stage);
  }

  @Test
  void renewalReadsTheCertificateFromTheKeyAndOffersSelfService() {
    String id = TestIdentities.residentId();
    String name = "续期测试人";
    // expires in 30 days: inside the renewal window (expired, or within 60 days of expiry)
    String subject = "CN=" + name + ",SERIALNUMBER=" + id + ",C=CN";
    try (KeyAgentFixture agent =
        KeyAgentFixture.startWithCertificate(ORIGIN, subject, Duration.ofDays(30))) {
      PortalSteps.registerPerson(b, name, TestIdentities.mobile(), id, TestIdentities.PASSWORD);
      PortalSteps.login(b, id, TestIdentities.PASSWORD);
      b.waitForUrl("/applicant/home.xhtml");

      b.click("menuApply");
      b.waitForUrl("/applicant/apply.xhtml");
      waitForStage("CERTIFICATE_INFORMATION");
      b.clickCss("label[for='serviceType:1']");
      b.find("keySection");

      b.waitForAttribute("keyReader:picker", "data-state", "ready");
      new Select(b.find("keyReader:token"))
          .getOptions().stream()
              .filter(option -> option.getText().startsWith(KeyAgentFixture.TOKEN + " ("))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No token " + KeyAgentFixture.TOKEN))
              .click();
      b.type("keyReader:pin", KeyAgentFixture.PIN);
      b.click("keyReader:read");
      b.waitForAttribute("keyReader:picker", "data-state", "listed");
      b.clickXpath(
          "//tr[td[@class='ka-subject' and contains(., 'CN=" + name + "')]]//input[@type='radio']");
      b.waitForText("keyChosenSubject", name);
      b.waitForAttribute("keyProofState", "data-state", "proven");

      b.chooseFirst("yearsMenu");
      b.type("agentName", "李经办");
      b.type("agentMobile", TestIdentities.mobile());
      b.type("agentIdNumber", TestIdentities.residentId());
      b.click("statementLink");
      b.find("statementDialog");
      b.click("statementRead");
      b.clickAndWaitForAjax("saveCertificate");

      waitForStage("CONFIRMATION");
      b.waitForText("confirmServiceType", "更新证书");
      b.click("confirmNext");
      waitForStage("PICKUP");
      b.waitForText("pickupMethodFixed", "自助");
      b.driver().findElement(By.id("pickupNext"));
      PortalSteps.logout(b);
    }
  }
}
