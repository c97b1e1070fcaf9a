package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 证书申请 and 进度查询 in headless Chromium: an organisation applies for a further (paid) 新办 key shipped
 * by courier, the draft survives a reload and is resumed, the six documents are uploaded and one is
 * previewed, the application is submitted and then cancelled from the progress grid; what is typed
 * on a step before 立即申请 / 下一步 survives a reload and a new session.
 */
class ApplicationBrowserIT {

  /** The six documents in display order, with the file each test upload uses. */
  private static final List<String> DOCUMENTS =
      List.of(
          "APPLICATION_FORM",
          "BUSINESS_LICENCE",
          "SERVICE_AGREEMENT",
          "SEAL_FORM",
          "AGENT_ID_COPY",
          "POWER_OF_ATTORNEY");

  private static Path pdf;
  private static Path png;
  private static Path notADocument;

  private Browser b;

  @BeforeAll
  static void createFiles() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "application-browser-it"));
    pdf = Files.write(dir.resolve("申请单.pdf"), minimalPdf());
    png = dir.resolve("身份证.png");
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 120, 80);
    g.setColor(Color.BLUE);
    g.fillRect(10, 10, 100, 60);
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
    notADocument = Files.writeString(dir.resolve("伪装.pdf"), "not a pdf at all");
  }

  @BeforeEach
  void openBrowser() throws Exception {
    b = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    b.close();
  }

  @Test
  void organisationAppliesForACourierKeyUploadsSubmitsAndCancels() {
    String orgName = "聊城申请测试有限公司";
    String uscc = TestIdentities.creditCode();
    PortalSteps.registerOrganisation(
        b, orgName, uscc, TestIdentities.mobile(), "赵法人", TestIdentities.PASSWORD);
    PortalSteps.login(b, uscc, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");

    // 1 证书信息填写: 新办（替换）, a further (paid) key
    b.click("menuApply");
    b.waitForUrl("/applicant/apply.xhtml");
    waitForStage("CERTIFICATE_INFORMATION");
    b.waitForText("statementNotice", "郑重声明");
    b.clickCss("label[for='serviceType:0']");
    b.waitForText("typeScenario", "首次申请西部CA锁");
    b.clickCss("label[for='jiangsuKey:1']");
    b.clickCss("label[for='furtherKey:0']");
    b.chooseFirst("yearsMenu");
    b.typeAndLeave("agentMobile", "123");
    b.waitForText("agentMobileMsg", "请输入合法手机号");
    b.typeAndLeave("agentMobile", TestIdentities.mobile());
    b.waitForEmptyText("agentMobileMsg");
    b.type("agentName", "钱经办");
    b.typeAndLeave("agentIdNumber", "1234");
    b.waitForText("agentIdNumberMsg", "请输入正确的身份证号");
    b.typeAndLeave("agentIdNumber", TestIdentities.residentId());
    b.waitForEmptyText("agentIdNumberMsg");

    b.clickAndWaitForAjax("saveCertificate");
    b.waitForText("messages", "请阅读并勾选“已阅读用户责任声明”");
    b.click("statementLink");
    b.find("statementDialog");
    b.click("statementRead");
    b.clickAndWaitForAjax("saveCertificate");

    // 2 用户信息确认, then a reload and a new visit resume the draft
    waitForStage("CONFIRMATION");
    b.waitForText("confirmName", orgName);
    b.waitForText("confirmLoginName", uscc);
    b.waitForText("confirmLegalRep", "赵法人");
    b.waitForText("confirmServiceType", "新办（替换）");
    b.waitForText("confirmAgentName", "钱经办");
    b.reload();
    waitForStage("CONFIRMATION");
    b.waitForText("confirmAgentName", "钱经办");

    b.open("/applicant/home.xhtml");
    b.waitForText("homeDraft", "用户信息确认");
    b.open("/applicant/apply.xhtml");
    waitForStage("DRAFT_FOUND");
    b.waitForText("draftText", "用户信息确认");
    b.click("resumeDraft");
    waitForStage("CONFIRMATION");

    // 上一步 keeps what was typed
    b.click("confirmPrevious");
    waitForStage("CERTIFICATE_INFORMATION");
    assertEquals("钱经办", b.value("agentName"));
    assertTrue(
        b.driver().findElement(By.id("furtherKey:0")).isSelected(), "the further key is kept");
    b.clickAndWaitForAjax("saveCertificate");
    waitForStage("CONFIRMATION");
    b.click("confirmNext");

    // 3 取key方式: a further key is only shipped from 宁夏银川
    waitForStage("PICKUP");
    b.waitForText("pickupMethodFixed", "邮寄-收方付");
    b.waitForText("pickupExplanation", "顺丰快递");
    b.waitForText("shippingAddress", "银川");
    b.type("recipientName", "孙收货");
    b.type("recipientMobile", TestIdentities.mobile());
    b.typeAndLeave("recipientAddress", "北京");
    b.waitForText("recipientAddressMsg", "请输入5至200个字符的详细地址");
    b.typeAndLeave("recipientAddress", "山东省聊城市东昌府区测试路1号");
    b.waitForEmptyText("recipientAddressMsg");
    b.type("remark", "工作日送达");
    b.click("pickupNext");

    // 4 资料文件上传: all six required for an organisation; the 申请单 comes filled in, as a PDF
    waitForStage("DOCUMENTS");
    b.waitForText("documentsNotice", "仅支持PDF、JPG、PNG格式");
    b.waitForText("template_APPLICATION_FORM", "下载已填写的申请单");
    b.waitForText("template_SERVICE_AGREEMENT", "下载模板");
    String form = b.find("template_APPLICATION_FORM").getAttribute("href");
    assertTrue(form.contains("type=APPLICATION_FORM&id="), form);
    ((org.openqa.selenium.JavascriptExecutor) b.driver())
        .executeScript(
            "window.formDownload = null; fetch(arguments[0]).then(r => r.arrayBuffer().then(a =>"
                + " { window.formDownload = r.headers.get('content-type') + '|'"
                + " + String.fromCharCode.apply(null, new Uint8Array(a).slice(0, 5)); }));",
            form);
    b.waitUntil(
        "the filled 申请单 downloads as a PDF",
        "return window.formDownload === 'application/pdf|%PDF-';");
    b.waitForText("price", "300");
    for (String type : DOCUMENTS) {
      b.waitForText("doc_" + type, "必传");
      b.waitForText("status_" + type, "未上传");
    }
    b.clickAndWaitForAjax("submitApplication");
    b.waitForText("messages", "请上传《数字证书申请单》");

    b.chooseFile("upload_APPLICATION_FORM_input", notADocument);
    b.waitForText("messages", "仅支持PDF、JPG、PNG格式的文件");
    b.waitForText("status_APPLICATION_FORM", "未上传");

    for (String type : DOCUMENTS) {
      Path file = type.equals("AGENT_ID_COPY") || type.equals("BUSINESS_LICENCE") ? png : pdf;
      upload(type, file);
    }
    b.waitForText("status_AGENT_ID_COPY", "身份证.png");

    b.clickAndWaitForAjax("preview_AGENT_ID_COPY");
    b.find("previewImage");
    b.waitUntil(
        "the preview image is loaded",
        "var i = document.getElementById('previewImage'); return i.complete && i.naturalWidth === 120;");
    b.closeDialog("previewDialog");

    // a PDF is previewed as images of its pages, never opened in the portal's origin
    b.clickAndWaitForAjax("preview_APPLICATION_FORM");
    b.find("previewPage_1");
    b.waitUntil(
        "the PDF's first page is shown as an image",
        "var i = document.getElementById('previewPage_1'); return i.complete && i.naturalWidth > 0;");
    assertTrue(
        b.find("previewDownload").getAttribute("href").contains("download=1"),
        "the file itself is a download");
    b.closeDialog("previewDialog");

    b.clickAndWaitForAjax("delete_POWER_OF_ATTORNEY");
    b.waitForText("status_POWER_OF_ATTORNEY", "未上传");
    upload("POWER_OF_ATTORNEY", pdf);

    // 5 提交成功
    b.click("submitApplication");
    b.waitForUrl("submitted=");
    waitForStage("SUBMITTED");
    b.waitForText("submittedMessage", "您已成功提交证书申请，请继续完成支付");
    b.waitForText("submittedPaymentStatus", "待支付");
    String id = b.text("submittedId");
    assertTrue(id.matches("[A-Z2-7]{16}"), "申请ID: " + id);

    b.open("/applicant/home.xhtml");
    b.waitForText("latestApplicationId", id);
    b.waitForText("latestReviewStatus", "待审核");
    assertFalse(b.exists("homeDraft"), "no draft left once submitted");

    // 进度查询: the order, its 快递信息 (empty so far), 取消申请
    b.click("menuProgress");
    b.waitForUrl("/applicant/progress.xhtml");
    String row = "#progress tr.application-" + id;
    b.waitForText("progress", id);
    assertTrue(rowText(row).contains("机构/企业"), rowText(row));
    assertTrue(rowText(row).contains("新办（替换）"), rowText(row));
    assertTrue(rowText(row).contains("宁夏银川办理点"), rowText(row));
    b.clickCss(row + " .view-delivery");
    b.waitForText("deliveryContent", id);
    b.waitForText("noCourier", "暂无快递信息");
    b.waitForText("noInvoice", "暂无发票信息");
    b.closeDialog("deliveryDialog");

    b.clickCss(row + " .cancel-application");
    b.find("cancelConfirm");
    b.clickAndWaitForAjax("cancelYes");
    b.waitForText("messages", "已取消申请");
    b.waitUntil(
        "the row shows 用户已取消 without 取消申请",
        "var r = document.querySelector(arguments[0]);"
            + " return !!r && r.textContent.indexOf('用户已取消') >= 0"
            + " && !r.querySelector('.cancel-application');",
        row);
    PortalSteps.logout(b);
  }

  @Test
  void whatIsTypedBeforeNextSurvivesAReloadAndANewSession() {
    String id = TestIdentities.residentId();
    String agentId = TestIdentities.residentId();
    PortalSteps.registerPerson(b, "吴输入", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(b, id, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");

    // 1 证书信息填写, typed but not saved: no 立即申请
    b.click("menuApply");
    b.waitForUrl("/applicant/apply.xhtml");
    waitForStage("CERTIFICATE_INFORMATION");
    b.clickCss("#serviceType label[for='serviceType:0']");
    b.clickCss("label[for='jiangsuKey:1']");
    b.clickCss("label[for='furtherKey:0']");
    b.chooseFirst("yearsMenu");
    b.type("agentName", "吴经办");
    b.type("agentMobile", "123"); // not a mobile number (yet): kept as typed
    b.typeAndLeave("agentIdNumber", agentId);
    b.click("statementLink");
    b.click("statementRead");
    waitUntilKept("certificateInputState");

    b.reload();
    waitForStage("CERTIFICATE_INFORMATION");
    assertCertificateInformationAsTyped(agentId);

    // The session is gone (timeout, another browser): the draft is found and resumed
    b.driver().manage().deleteAllCookies();
    PortalSteps.login(b, id, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");
    b.waitForText("homeDraft", "证书信息填写");
    b.open("/applicant/apply.xhtml");
    waitForStage("DRAFT_FOUND");
    b.click("resumeDraft");
    waitForStage("CERTIFICATE_INFORMATION");
    assertCertificateInformationAsTyped(agentId);

    // 立即申请 still checks what was typed
    b.clickAndWaitForAjax("saveCertificate");
    b.waitForText("agentMobileMsg", "请输入合法手机号");
    b.typeAndLeave("agentMobile", TestIdentities.mobile());
    b.clickAndWaitForAjax("saveCertificate");
    waitForStage("CONFIRMATION");
    b.click("confirmNext");

    // 3 取key方式, typed but not saved: no 下一步
    waitForStage("PICKUP");
    b.type("recipientName", "郑收货");
    b.type("recipientMobile", "139");
    b.typeAndLeave("recipientAddress", "宁夏回族自治区银川市测试路9号");
    waitUntilKept("pickupInputState");

    b.reload();
    waitForStage("PICKUP");
    assertEquals("郑收货", b.value("recipientName"));
    assertEquals("139", b.value("recipientMobile"));
    assertEquals("宁夏回族自治区银川市测试路9号", b.value("recipientAddress"));
    PortalSteps.logout(b);
  }

  @Test
  void cancellingTheWizardDiscardsTheDraft() {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(b, "李草稿", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(b, id, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");

    b.open("/applicant/apply.xhtml");
    waitForStage("CERTIFICATE_INFORMATION");
    b.clickCss("label[for='serviceType:0']");
    b.clickCss("label[for='jiangsuKey:1']");
    b.clickCss("label[for='furtherKey:1']");
    b.chooseFirst("yearsMenu");
    b.type("agentName", "李草稿");
    b.type("agentMobile", TestIdentities.mobile());
    b.type("agentIdNumber", id);
    b.click("statementLink");
    b.click("statementRead");
    b.clickAndWaitForAjax("saveCertificate");
    waitForStage("CONFIRMATION");

    b.click("confirmCancel");
    b.find("discardConfirm");
    b.clickAndWaitForAjax("discardYes");
    b.waitForText("messages", "已取消本次申请");
    waitForStage("CERTIFICATE_INFORMATION");
    b.reload();
    waitForStage("CERTIFICATE_INFORMATION");
    b.open("/applicant/home.xhtml");
    assertFalse(b.exists("homeDraft"), "the draft is gone");
    b.waitForText("latestApplication", "暂无证书申请");
    PortalSteps.logout(b);
  }

  /** Waits until the page says that what was typed on the step is kept in the draft. */
  private void waitUntilKept(String stateId) {
    b.waitForAttribute(stateId, "data-input-state", "saved");
    b.waitForText(stateId, "已自动保存草稿");
  }

  private void assertCertificateInformationAsTyped(String agentId) {
    b.waitForText("typeScenario", "首次申请西部CA锁");
    assertTrue(selected("serviceType:0"), "新办（替换）");
    assertTrue(selected("jiangsuKey:1"), "是否拥有未到期江苏智慧锁: 否");
    assertTrue(selected("furtherKey:0"), "是否申请第二把及以上的收费锁: 是");
    assertEquals("1", b.driver().findElement(By.id("years_input")).getAttribute("value"));
    assertEquals("吴经办", b.value("agentName"));
    assertEquals("123", b.value("agentMobile"));
    assertEquals(agentId, b.value("agentIdNumber"));
    assertTrue(selected("statementAccepted_input"), "已阅读用户责任声明");
  }

  private boolean selected(String inputId) {
    return b.driver().findElement(By.id(inputId)).isSelected();
  }

  private void upload(String type, Path file) {
    b.chooseFile("upload_" + type + "_input", file);
    b.waitForAttribute("status_" + type, "data-uploaded", "true");
    b.waitForText("status_" + type, file.getFileName().toString());
    b.waitForAjax();
  }

  private void waitForStage(String stage) {
    b.waitForAttribute("wizardStage", "data-stage", stage);
  }

  private String rowText(String css) {
    return b.driver().findElement(By.cssSelector(css)).getText();
  }

  /** A one-page PDF with correct cross-reference offsets, as small as a valid PDF gets. */
  static byte[] minimalPdf() {
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
