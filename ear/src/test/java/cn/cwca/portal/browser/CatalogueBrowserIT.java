package cn.cwca.portal.browser;

import cn.cwca.portal.devserver.IntegrationServer;
import cn.cwca.portal.it.TestIdentities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 目录维护 in headless Chromium: an administrator sets a new price of a further 新办 key for
 * organisations from today; the order an organisation submitted before keeps its amount, the one it
 * submits after has the new amount. The administrator then retires the new price after the
 * confirmation, and the seeded price applies again.
 */
class CatalogueBrowserIT {

  private static Path pdf;
  private static Path png;

  private Browser applicant;
  private Browser admin;

  @BeforeAll
  static void createFiles() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "catalogue-browser-it"));
    pdf = Files.write(dir.resolve("申请单.pdf"), ApplicationBrowserIT.minimalPdf());
    png = dir.resolve("身份证.png");
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 120, 80);
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  @BeforeEach
  void openBrowsers() throws Exception {
    applicant = new Browser();
    admin = new Browser();
  }

  /** The seeded prices again, whatever the test left: the other tests read them. */
  @AfterEach
  void closeBrowsersAndRetireNewPrices() throws Exception {
    applicant.close();
    admin.close();
    try (Connection c = IntegrationServer.testDatabase();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE price_entry SET retired = true"
              + " WHERE applies_from <> date '2000-01-01' AND NOT retired");
    }
  }

  @Test
  void aNewPriceAppliesToOrdersSubmittedAfterItAndNotToThoseBefore() throws Exception {
    String uscc = TestIdentities.creditCode();
    PortalSteps.registerOrganisation(
        applicant, "聊城价格测试有限公司", uscc, TestIdentities.mobile(), "周法人", TestIdentities.PASSWORD);
    PortalSteps.login(applicant, uscc, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");

    // before: a further key for 1 year at the seeded 300.00
    String before = PortalSteps.submitNewKeyOrder(applicant, true, pdf, png);
    applicant.open("/applicant/pay.xhtml?id=" + before);
    applicant.waitForText("payAmount", "300.00");

    // the administrator sets 288.00 for organisations from today (Beijing)
    PortalSteps.loginAsAdmin(admin);
    admin.click("catalogueLink");
    admin.waitForUrl("/admin/catalogue-prices.xhtml");
    admin.click("newPrice");
    admin.find("priceAmount");
    admin.choose("priceServiceTypeMenu", "NEW_OR_REPLACE");
    admin.clickCss("#priceFurtherKey .ui-chkbox-box");
    admin.type("priceYears_input", "1");
    admin.choose("priceApplicantScopeMenu", "ORGANISATION");
    admin.type("priceAmount", "288.00");
    admin.type("priceKeyAmount", "150.00");
    admin.snap("catalogue-new-price");
    admin.click("savePrice");
    admin.waitForPageText("已新增价格");

    // after: the new amount; the order submitted before keeps its own
    String after = PortalSteps.submitNewKeyOrder(applicant, true, pdf, png);
    applicant.open("/applicant/pay.xhtml?id=" + after);
    applicant.waitForText("payAmount", "288.00");
    applicant.open("/applicant/pay.xhtml?id=" + before);
    applicant.waitForText("payAmount", "300.00");

    // retiring the new price, after the confirmation, brings the seeded one back for new orders
    admin.reload();
    admin.clickXpath(
        "//tr[not(contains(@class, 'retired')) and .//span[contains(@id, ':amount')"
            + " and text()='288.00']]//button[contains(@id, ':retirePrice')]");
    admin.waitForPageText("确定停用吗");
    admin.click("confirmYes");
    admin.waitForPageText("已停用");
    applicant.open("/applicant/pay.xhtml?id=" + after);
    applicant.waitForText("payAmount", "288.00");
  }
}
