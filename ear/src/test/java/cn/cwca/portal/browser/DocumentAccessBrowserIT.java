package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The download servlets over HTTP in headless Chromium, with real sessions: applicant A's uploaded
 * document (/applicant/document) and filled-in 申请单 (/applicant/form) are served to A, and give 404,
 * as an unknown 申请ID does, to applicant B who asks for A's URLs; a visitor who is not logged in is
 * sent to the login page.
 */
class DocumentAccessBrowserIT {

  private static final Pattern APPLICATION_ID = Pattern.compile("[?&]id=([A-Z2-7]{16})");
  private static final String PNG_SIGNATURE = "89504e470d0a1a0a";
  private static final String PDF_SIGNATURE = "255044462d"; // %PDF-

  private static Path png;

  private Browser a;
  private Browser other;

  @BeforeAll
  static void createFiles() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "document-access-browser-it"));
    png = dir.resolve("身份证.png");
    BufferedImage image = new BufferedImage(90, 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 90, 60);
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  @BeforeEach
  void openBrowsers() throws Exception {
    a = new Browser();
    other = new Browser();
  }

  @AfterEach
  void closeBrowsers() {
    a.close();
    other.close();
  }

  @Test
  void anotherApplicantGetsNotFoundForTheDocumentAndTheFormTheOwnerGets() throws IOException {
    String formUrl = applyUpToTheDocumentsAndUploadTheIdCopy(a);
    Matcher id = APPLICATION_ID.matcher(formUrl);
    assertTrue(id.find(), formUrl);
    String documentUrl =
        Browser.PORTAL + "/applicant/document?id=" + id.group(1) + "&type=AGENT_ID_COPY";

    Browser.Fetched document = a.fetch(documentUrl);
    assertEquals(200, document.status(), "A's own document");
    assertEquals("image/png", document.contentType());
    assertEquals(Files.size(png), document.length());
    assertEquals(PNG_SIGNATURE, document.firstBytesHex());
    assertTrue(document.contentSecurityPolicy().contains("sandbox"), document.toString());
    Browser.Fetched download = a.fetch(documentUrl + "&download=1");
    assertTrue(download.contentDisposition().startsWith("attachment"), download.toString());
    assertTrue(download.contentSecurityPolicy().contains("sandbox"), download.toString());
    Browser.Fetched form = a.fetch(formUrl);
    assertEquals(200, form.status(), "A's own 申请单");
    assertTrue(form.contentType().startsWith("application/pdf"), form.contentType());
    assertTrue(form.firstBytesHex().startsWith(PDF_SIGNATURE), form.firstBytesHex());

    // B, logged in as another applicant, asks for A's URLs
    String b = TestIdentities.residentId();
    PortalSteps.registerPerson(other, "乙申请人", TestIdentities.mobile(), b, TestIdentities.PASSWORD);
    PortalSteps.login(other, b, TestIdentities.PASSWORD);
    other.waitForUrl("/applicant/home.xhtml");
    assertEquals(404, other.fetch(documentUrl).status(), "A's document for B");
    assertEquals(404, other.fetch(documentUrl + "&download=1").status(), "A's download for B");
    assertEquals(404, other.fetch(formUrl).status(), "A's 申请单 for B");
    assertEquals(
        404,
        other.fetch(documentUrl.replace(id.group(1), "AAAAAAAAAAAAAAAA")).status(),
        "an unknown 申请ID gives the same");

    // Not logged in: the login page, not the document
    PortalSteps.logout(other);
    Browser.Fetched visitor = other.fetch(documentUrl);
    assertFalse(visitor.contentType().startsWith("image/"), visitor.toString());
    assertTrue(visitor.url().contains("/login.xhtml"), visitor.toString());

    // A still gets it
    assertEquals(200, a.fetch(documentUrl).status());
    PortalSteps.logout(a);
  }

  /**
   * A fresh natural person applies for a further 新办 key shipped by courier up to 资料文件上传 and uploads
   * the ID card copy; answers the URL of the filled-in 申请单.
   */
  private static String applyUpToTheDocumentsAndUploadTheIdCopy(Browser b) {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(b, "甲申请人", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(b, id, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");
    b.open("/applicant/apply.xhtml");
    b.waitForAttribute("wizardStage", "data-stage", "CERTIFICATE_INFORMATION");
    b.clickCss("#serviceType label[for='serviceType:0']");
    b.clickCss("label[for='jiangsuKey:1']");
    b.clickCss("label[for='furtherKey:0']");
    b.chooseFirst("yearsMenu");
    b.type("agentName", "甲经办");
    b.type("agentMobile", TestIdentities.mobile());
    b.typeAndLeave("agentIdNumber", id);
    b.click("statementLink");
    b.click("statementRead");
    b.clickAndWaitForAjax("saveCertificate");
    b.waitForAttribute("wizardStage", "data-stage", "CONFIRMATION");
    b.click("confirmNext");
    b.waitForAttribute("wizardStage", "data-stage", "PICKUP");
    b.type("recipientName", "甲收货");
    b.type("recipientMobile", TestIdentities.mobile());
    b.typeAndLeave("recipientAddress", "宁夏回族自治区银川市测试路3号");
    b.click("pickupNext");
    b.waitForAttribute("wizardStage", "data-stage", "DOCUMENTS");
    b.chooseFile("upload_AGENT_ID_COPY_input", png);
    b.waitForAttribute("status_AGENT_ID_COPY", "data-uploaded", "true");
    b.waitForAjax();
    return b.find("template_APPLICATION_FORM").getAttribute("href");
  }
}
