package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.RegistryRow;
import cn.cwca.portal.it.TestIdentities;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * 更新 by 自助 制证 in headless Chromium, through the key agent and a SoftHSM2 token that holds the
 * certificate to renew, which the portal's registry knows as the person's: the person applies (the
 * wizard reads the certificate from the key, and the key proves it holds its private key), pays
 * (sandbox), a reviewer approves, and the person makes the new certificate on the same key (the key
 * proves it holds the old certificate's key, makes a new key pair, and the certificate is written
 * onto it); the order is 已完成, and 我的证书 lists the new certificate and the old one as 已吊销 because it
 * was superseded.
 */
class SelfServiceMakeBrowserIT {

  private static final String ORIGIN = KeyAgentFixture.originOf(Browser.PORTAL);

  private static Path pdf;
  private static Path png;

  private Browser applicant;
  private Browser reviewer;

  @BeforeAll
  static void createFiles() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "self-service-browser-it"));
    pdf = Files.write(dir.resolve("申请单.pdf"), ApplicationBrowserIT.minimalPdf());
    png = dir.resolve("身份证.png");
    ImageIO.write(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
  }

  @AfterEach
  void closeBrowsers() {
    for (Browser b : new Browser[] {applicant, reviewer}) {
      if (b != null) {
        b.close();
      }
    }
  }

  @Test
  void aRenewalIsMadeOnTheApplicantsOwnKeyThroughTheAgent() throws Exception {
    String id = TestIdentities.residentId();
    String name = "自助制证测试人";
    String subject = "CN=" + name + ",SERIALNUMBER=" + id + ",C=CN";
    AtomicReference<X509Certificate> onTheKey = new AtomicReference<>();
    try (KeyAgentFixture agent =
        KeyAgentFixture.startWithCertificate(ORIGIN, subject, Duration.ofDays(30), onTheKey::set)) {
      applicant = new Browser();
      PortalSteps.registerPerson(
          applicant, name, TestIdentities.mobile(), id, TestIdentities.PASSWORD);
      String old = recordInTheRegistry(id, onTheKey.get());
      PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
      applicant.waitForUrl("/applicant/home.xhtml");
      String order = applyForRenewal(name);
      PortalSteps.payInSandbox(applicant, order);

      String login = "reviewer" + new SecureRandom().nextInt(1_000_000);
      PortalSteps.createStaff(login, TestIdentities.PASSWORD, "REVIEWER");
      reviewer = new Browser();
      PortalSteps.login(reviewer, login, TestIdentities.PASSWORD);
      reviewer.waitForUrl("/admin/index.xhtml");
      PortalSteps.approve(reviewer, order);

      applicant.open("/applicant/progress.xhtml");
      String row = "#progress tr.application-" + order;
      applicant.waitForText("progress", order);
      applicant.clickCss(row + " .make-certificate");
      applicant.waitForUrl("/applicant/make.xhtml");
      applicant.waitForAttribute("makePanel", "data-stage", "READY");
      readKey(name);
      applicant.waitForText("makeDone", "证书已写入KEY");
      applicant.waitForAttribute("makePanel", "data-stage", "DONE");

      applicant.open("/applicant/progress.xhtml");
      applicant.waitUntil(
          "the row shows 已完成",
          "var r = document.querySelector(arguments[0]);"
              + " return !!r && r.textContent.indexOf('已完成') >= 0;",
          row);
      applicant.open("/applicant/certificates.xhtml");
      applicant.waitForPageText(name);
      applicant.waitUntil(
          "我的证书 shows the old certificate superseded",
          "var s = document.querySelector(arguments[0]);"
              + " return !!s && s.textContent.indexOf('已吊销（已被新证书替代）') >= 0;",
          "tr.certificate-" + old + " .certificate-status");
      assertEquals(List.of("REVOKED", "SUPERSEDED"), registryStatus(old));
    }
  }

  /**
   * The certificate on the token in the portal's registry as the person's, under its own serial, as
   * the CA records the certificates it issues (the token's certificate comes from the server's
   * earlier issuing CA, which the portal recognises as its own); the serial.
   */
  private static String recordInTheRegistry(String owner, X509Certificate certificate)
      throws Exception {
    try (Connection c = PortalSteps.database.connect()) {
      return new RegistryRow(
              owner,
              certificate
                  .getSubjectX500Principal()
                  .getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER")),
              LocalDateTime.ofInstant(certificate.getNotBefore().toInstant(), ZoneOffset.UTC),
              LocalDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC),
              null,
              certificate.getEncoded())
          .insertInto(c, certificate.getSerialNumber().toString(16));
    }
  }

  /** The registry's status and revocation reason of the certificate. */
  private static List<String> registryStatus(String serial) throws SQLException {
    try (Connection c = PortalSteps.database.connect();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT status, revocation_reason FROM issued_certificate WHERE serial_hex = ?")) {
      select.setString(1, serial);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), "the registry has " + serial);
        return List.of(row.getString(1), String.valueOf(row.getString(2)));
      }
    }
  }

  /** 更新证书 with the certificate read from the key, 自助, the person's required documents. */
  private String applyForRenewal(String name) {
    Browser b = applicant;
    b.open("/applicant/apply.xhtml");
    b.waitForAttribute("wizardStage", "data-stage", "CERTIFICATE_INFORMATION");
    b.clickCss("label[for='serviceType:1']");
    b.find("keySection");
    readKeyOn(b, "keyReader", name);
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
    b.waitForAttribute("wizardStage", "data-stage", "CONFIRMATION");
    b.click("confirmNext");
    b.waitForAttribute("wizardStage", "data-stage", "PICKUP");
    b.click("pickupNext");
    b.waitForAttribute("wizardStage", "data-stage", "DOCUMENTS");
    List<WebElement> inputs =
        b.driver().findElements(By.cssSelector("input[type=file][id^='upload_']"));
    List<String> ids = inputs.stream().map(e -> e.getAttribute("id")).toList();
    assertTrue(!ids.isEmpty(), "the documents are asked for");
    for (String input : ids) {
      String type = input.substring("upload_".length(), input.length() - "_input".length());
      b.chooseFile(input, type.equals("AGENT_ID_COPY") ? png : pdf);
      b.waitForAttribute("status_" + type, "data-uploaded", "true");
      b.waitForAjax();
    }
    b.click("submitApplication");
    b.waitForUrl("submitted=");
    b.waitForAttribute("wizardStage", "data-stage", "SUBMITTED");
    return b.text("submittedId");
  }

  /** 识别KEY on the 制证 page: the token, its PIN, and the certificate to renew. */
  private void readKey(String name) {
    readKeyOn(applicant, "keyReader", name);
  }

  private static void readKeyOn(Browser b, String reader, String name) {
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
}
