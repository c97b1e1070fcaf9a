package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

/**
 * 立即支付 and the 数电发票 in headless Chromium: an organisation's free first key is never asked for
 * payment; its further key goes through 信息确认 > 开票信息 > 扫码支付 with the sandbox (模拟支付 opened in another
 * tab, as a phone would), and the 扫码支付 step turns to 已支付 by itself; the finance staff issue the
 * invoice, and the applicant downloads it from 点击查看.
 */
class PaymentBrowserIT {

  private static Path pdf;
  private static Path png;

  private Browser applicant;
  private Browser finance;

  @BeforeAll
  static void createFiles() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "payment-browser-it"));
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
  void openBrowser() throws Exception {
    applicant = new Browser();
  }

  @AfterEach
  void closeBrowsers() {
    applicant.close();
    if (finance != null) {
      finance.close();
    }
  }

  @Test
  void anOrganisationPaysInTheSandboxAndDownloadsTheInvoiceFinanceIssued() throws Exception {
    String orgName = "聊城支付测试有限公司";
    String uscc = TestIdentities.creditCode();
    PortalSteps.registerOrganisation(
        applicant, orgName, uscc, TestIdentities.mobile(), "赵法人", TestIdentities.PASSWORD);
    PortalSteps.login(applicant, uscc, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");

    // The free first key counts as paid: no payment is asked for
    String free = PortalSteps.submitNewKeyOrder(applicant, false, pdf, png);
    applicant.waitForText("submittedMessage", "首把KEY免费，无需支付");
    assertFalse(applicant.exists("paymentNotice"), "no payment notice for a free key");
    applicant.waitForText("submittedPaymentStatus", "已支付");
    applicant.open("/applicant/progress.xhtml");
    String freeRow = "#progress tr.application-" + free;
    applicant.waitForText("progress", free);
    assertFalse(
        applicant
                .driver()
                .findElements(org.openqa.selenium.By.cssSelector(freeRow + " .pay-application"))
                .size()
            > 0,
        "a free key shows no 立即支付");

    // A further key: 提交成功 asks for payment
    String id = PortalSteps.submitNewKeyOrder(applicant, true, pdf, png);
    applicant.waitForText("submittedMessage", "请继续完成支付");
    applicant.waitForText("submittedPaymentStatus", "待支付");
    applicant.open("/applicant/progress.xhtml");
    String row = "#progress tr.application-" + id;
    applicant.waitForText("progress", id);

    // 进度查询's filters are what the columns hold
    applicant.choose("filterPaymentStatusMenu", "UNPAID");
    applicant.clickAndWaitForAjax("filterSearch");
    applicant.waitForText("progress", id);
    assertFalse(applicant.text("progress").contains(free), "only 待支付");
    applicant.choose("filterPaymentStatusMenu", "PAID");
    applicant.clickAndWaitForAjax("filterSearch");
    applicant.waitForText("progress", free);
    assertFalse(applicant.text("progress").contains(id), "only 已支付");
    String tomorrow =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    applicant.clickAndWaitForAjax("filterReset");
    applicant.type("filterSubmittedFrom_input", tomorrow);
    applicant.clickAndWaitForAjax("filterSearch");
    applicant.waitForText("progress", "暂无证书申请");
    applicant.clickAndWaitForAjax("filterReset");
    applicant.waitForText("progress", id);
    assertTrue(applicant.text("progress").contains(free), "reset: every order again");
    applicant.clickCss(row + " .pay-application");

    // 1 信息确认
    applicant.waitForUrl("/applicant/pay.xhtml");
    waitForPayStage("CONFIRM");
    applicant.waitForText("payId", id);
    applicant.waitForText("payServiceType", "新办（替换）");
    applicant.waitForText("payYears", "1年");
    applicant.waitForText("payCertificateAmount", "150.00");
    applicant.waitForText("payKeyAmount", "150.00");
    applicant.waitForText("payAmount", "300.00");
    applicant.click("confirmNext");

    // 2 开票信息: filled in from the account; a wrong phone is refused where it is typed
    waitForPayStage("INVOICE");
    applicant.waitForText("invoiceNotice", "数电发票");
    assertEquals(orgName, applicant.value("buyerName"));
    assertEquals(uscc, applicant.value("buyerTaxId"));
    applicant.typeAndLeave("buyerPhone", "12345");
    applicant.waitForText("buyerPhoneMsg", "电话");
    applicant.typeAndLeave("buyerPhone", "0635-8888888");
    applicant.waitForEmptyText("buyerPhoneMsg");
    applicant.type("buyerEmail", "finance@example.cn");
    applicant.click("invoiceNext");

    // 3 扫码支付 with the sandbox, clearly labelled
    waitForPayStage("PAY");
    applicant.clickCss(".pay-channel-SANDBOX");
    applicant.waitForText("sandboxBanner", "不会产生真实扣款");
    applicant.find("qrImage");
    String sandboxUrl = applicant.find("sandboxLink").getAttribute("href");
    assertTrue(sandboxUrl.contains("/payment/sandbox.xhtml?trade="), sandboxUrl);
    assertEquals(sandboxUrl, applicant.find("qrImage").getAttribute("data-content"));

    // The payer opens the QR code's page elsewhere (a phone: here another tab) and pays
    String payTab = applicant.driver().getWindowHandle();
    applicant.driver().switchTo().newWindow(WindowType.TAB);
    applicant.driver().get(sandboxUrl);
    applicant.waitForText("sandboxPageBanner", "模拟支付");
    applicant.waitForText("sandboxAmount", "300.00");
    applicant.clickAndWaitForAjax("sandboxPay");
    applicant.waitForText("sandboxPaid", "模拟支付成功");
    applicant.driver().close();
    applicant.driver().switchTo().window(payTab);

    // ... and the 扫码支付 step shows 已支付 without a reload
    waitForPayStage("PAID");
    applicant.waitForText("paidMessage", "支付成功");
    applicant.click("paidToProgress");
    applicant.waitForUrl("/applicant/progress.xhtml");
    applicant.waitUntil(
        "the row shows 已支付 without 立即支付",
        "var r = document.querySelector(arguments[0]);"
            + " return !!r && r.textContent.indexOf('已支付') >= 0"
            + " && !r.querySelector('.pay-application');",
        row);

    // The finance staff issue the 数电发票
    String staff = "finance" + new SecureRandom().nextInt(1_000_000);
    PortalSteps.createStaff(staff, TestIdentities.PASSWORD, "FINANCE");
    finance = new Browser();
    PortalSteps.login(finance, staff, TestIdentities.PASSWORD);
    finance.waitForUrl("/admin/index.xhtml");
    finance.click("invoicesLink");
    finance.waitForUrl("/finance/invoices.xhtml");
    String awaiting = "tr.invoice-order-" + id;
    finance.waitForText("invoicesForm", id);
    assertEquals(
        uscc,
        finance
            .driver()
            .findElement(org.openqa.selenium.By.cssSelector(awaiting + " .buyer-tax-id"))
            .getText());
    finance.clickCss(awaiting + " .issue-invoice");
    finance.find("issueNumber");
    String number =
        "2637"
            + String.format(
                "%016d", Math.abs(new SecureRandom().nextLong()) % 10_000_000_000_000_000L);
    finance.type("issueNumber", number);
    Path invoicePdf =
        Files.write(
            Files.createDirectories(Path.of("target", "payment-browser-it")).resolve("发票.pdf"),
            ApplicationBrowserIT.minimalPdf());
    finance.chooseFile("issueFile_input", invoicePdf);
    finance.waitForAttribute("issueFileStatus", "data-chosen", "true");
    finance.clickAndWaitForAjax("issueSubmit");
    finance.waitForText("messages", number);

    // The applicant finds the invoice in 点击查看 and downloads it
    applicant.reload();
    applicant.waitForText("progress", id);
    applicant.clickCss(row + " .view-delivery");
    applicant.waitForText("invoiceNumber", number);
    String href = applicant.find("invoiceDownload").getAttribute("href");
    Browser.Fetched download = applicant.fetch(href);
    assertEquals(200, download.status());
    assertEquals("application/pdf", download.contentType());
    assertTrue(download.firstBytesHex().startsWith("255044462d"), "%PDF-");
  }

  private void waitForPayStage(String stage) {
    applicant.waitForAttribute("payStage", "data-stage", stage);
  }
}
