package cn.cwca.portal.browser;

import cn.cwca.portal.it.TestIdentities;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * A courier order from application to 已完成 in headless Chromium, each step by the person whose step
 * it is: the organisation applies and pays (sandbox), a reviewer approves, an operator makes the
 * key at the office on a SoftHSM2 token through the key agent (the user PIN set on the key without
 * being shown, the key pair made on it, the certificate written), ships it with a 顺丰 waybill, and
 * the organisation signs for it (签收).
 */
class DeliveryBrowserIT {

  private static final String ORIGIN = KeyAgentFixture.originOf(Browser.PORTAL);

  private static Path pdf;
  private static Path png;

  private Browser applicant;
  private Browser reviewer;
  private Browser operator;

  @BeforeAll
  static void createFiles() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "delivery-browser-it"));
    pdf = Files.write(dir.resolve("申请单.pdf"), ApplicationBrowserIT.minimalPdf());
    png = dir.resolve("身份证.png");
    ImageIO.write(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
  }

  @AfterEach
  void closeBrowsers() {
    for (Browser b : new Browser[] {applicant, reviewer, operator}) {
      if (b != null) {
        b.close();
      }
    }
  }

  @Test
  void aKeyForPickupIsHandedOverOnlyToTheCollectorTheApplicantNamed() throws Exception {
    applicant = new Browser();
    String uscc = TestIdentities.creditCode();
    String collectorId = TestIdentities.residentId();
    PortalSteps.registerOrganisation(
        applicant, "聊城自取测试有限公司", uscc, TestIdentities.mobile(), "钱法人", TestIdentities.PASSWORD);
    PortalSteps.login(applicant, uscc, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    String id =
        PortalSteps.submitNewKeyOrder(
            applicant, false, new String[] {"周取证", collectorId}, pdf, png);

    String suffix = Integer.toString(new SecureRandom().nextInt(1_000_000));
    PortalSteps.createStaff("reviewer" + suffix, TestIdentities.PASSWORD, "REVIEWER");
    reviewer = new Browser();
    PortalSteps.login(reviewer, "reviewer" + suffix, TestIdentities.PASSWORD);
    reviewer.waitForUrl("/admin/index.xhtml");
    PortalSteps.approve(reviewer, id);

    PortalSteps.createStaff("operator" + suffix, TestIdentities.PASSWORD, "OPERATOR");
    operator = new Browser();
    PortalSteps.login(operator, "operator" + suffix, TestIdentities.PASSWORD);
    operator.waitForUrl("/admin/index.xhtml");
    makeTheKeyAtTheOffice(id);

    operator.open("/operator/counter.xhtml");
    operator.type("counterQuery", id.toLowerCase());
    operator.clickAndWaitForAjax("counterSearch");
    operator.waitForText("counterOrderId", id);
    operator.type("counterCollectorName", "周取证");
    operator.type("counterCollectorId", TestIdentities.residentId());
    operator.clickAndWaitForAjax("handOver");
    operator.find("handOverYes");
    operator.clickAndWaitForAjax("handOverYes");
    operator.waitForText("messages", "身份证号与申请人填写的不一致");

    operator.open("/operator/counter.xhtml");
    operator.type("counterQuery", collectorId);
    operator.clickAndWaitForAjax("counterSearch");
    operator.waitForText("counterOrderId", id);
    operator.type("counterCollectorName", "周取证");
    operator.type("counterCollectorId", collectorId);
    operator.clickAndWaitForAjax("handOver");
    operator.find("handOverYes");
    operator.clickAndWaitForAjax("handOverYes");
    operator.waitForText("messages", id);

    applicant.open("/applicant/progress.xhtml");
    applicant.waitUntil(
        "the row shows 已完成",
        "var r = document.querySelector(arguments[0]);"
            + " return !!r && r.textContent.indexOf('已完成') >= 0;",
        "#progress tr.application-" + id);
  }

  /** Office 制证 on the fixture's SoftHSM2 token through the key agent, as an operator does it. */
  private void makeTheKeyAtTheOffice(String id) {
    try (KeyAgentFixture agent = KeyAgentFixture.start(ORIGIN)) {
      operator.open("/operator/make.xhtml");
      operator.waitForText("officeOrders", id);
      operator.clickCss("tr.office-order-" + id + " .make-key");
      operator.waitForText("officeOrderId", id);
      operator.waitUntil(
          "the agent's tokens are listed",
          "return document.querySelectorAll('#officeToken option').length > 0;");
      new Select(operator.find("officeToken"))
          .getOptions().stream()
              .filter(o -> o.getText().startsWith(KeyAgentFixture.INIT_PIN_TOKEN + " ("))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No token " + KeyAgentFixture.INIT_PIN_TOKEN))
              .click();
      operator.type("officeSoPin", KeyAgentFixture.SO_PIN);
      operator.click("officeMakeStart");
      operator.waitForText("messages", "已为申请 " + id + " 制作KEY");
    }
  }

  @Test
  void aCourierKeyIsMadeAtTheOfficeShippedAndSignedFor() throws Exception {
    applicant = new Browser();
    String uscc = TestIdentities.creditCode();
    PortalSteps.registerOrganisation(
        applicant, "聊城发货测试有限公司", uscc, TestIdentities.mobile(), "赵法人", TestIdentities.PASSWORD);
    PortalSteps.login(applicant, uscc, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    String id = PortalSteps.submitNewKeyOrder(applicant, true, pdf, png);
    PortalSteps.payInSandbox(applicant, id);

    String suffix = Integer.toString(new SecureRandom().nextInt(1_000_000));
    PortalSteps.createStaff("reviewer" + suffix, TestIdentities.PASSWORD, "REVIEWER");
    reviewer = new Browser();
    PortalSteps.login(reviewer, "reviewer" + suffix, TestIdentities.PASSWORD);
    reviewer.waitForUrl("/admin/index.xhtml");
    PortalSteps.approve(reviewer, id);

    PortalSteps.createStaff("operator" + suffix, TestIdentities.PASSWORD, "OPERATOR");
    operator = new Browser();
    PortalSteps.login(operator, "operator" + suffix, TestIdentities.PASSWORD);
    operator.waitForUrl("/admin/index.xhtml");
    makeTheKeyAtTheOffice(id);

    operator.open("/operator/shipping.xhtml");
    operator.waitForText("shippingForm", id);
    operator.clickCss("tr.ship-order-" + id + " .ship-order");
    operator.find("shipWaybill");
    operator.type(
        "shipWaybill",
        "sf" + String.format("%013d", new SecureRandom().nextLong(10_000_000_000_000L)));
    operator.clickAndWaitForAjax("shipSubmit");
    operator.waitForText("messages", id);

    applicant.open("/applicant/progress.xhtml");
    String row = "#progress tr.application-" + id;
    applicant.waitForText("progress", id);
    applicant.clickCss(row + " .view-delivery");
    applicant.waitForText("deliveryContent", "顺丰速运");
    applicant.find("trackingLink");
    applicant.closeDialog("deliveryDialog");
    applicant.clickCss(row + " .sign-order");
    applicant.find("signYes");
    applicant.clickAndWaitForAjax("signYes");
    applicant.waitUntil(
        "the row shows 已完成",
        "var r = document.querySelector(arguments[0]);"
            + " return !!r && r.textContent.indexOf('已完成') >= 0;",
        row);
  }
}
