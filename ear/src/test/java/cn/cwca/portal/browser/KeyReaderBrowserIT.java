package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * 识别KEY in headless Chromium: the applicant's 我的KEY page finds the KEY控件 (the key agent, started in
 * this JVM on its default loopback ports with a SoftHSM2 token, see {@link KeyAgentFixture}), lists
 * the key's certificates once the PIN is typed, and shows the chosen one as the server read it;
 * with no agent it says so and links to 控件下载, which serves the agent set up for this portal.
 */
class KeyReaderBrowserIT {

  /** The portal's origin, the one the agent must allow (http://localhost:8080). */
  private static final String ORIGIN = KeyAgentFixture.originOf(Browser.PORTAL);

  private static final String COMMON_NAME = "识别KEY 浏览器测试";
  private static final String SUBJECT = "CN=" + COMMON_NAME + ",O=测试单位,C=CN";

  private Browser b;

  @BeforeEach
  void openBrowser() throws Exception {
    b = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    b.close();
  }

  @Test
  void applicantTypesThePinSeesTheKeysCertificatesAndTheChosenOnesDetails() {
    try (KeyAgentFixture agent = KeyAgentFixture.startWithCertificate(ORIGIN, SUBJECT)) {
      loginAsNewApplicant("钱识别");
      b.click("menuKey");
      b.waitForUrl("/applicant/key.xhtml");
      b.waitForText("keyNone", "尚未选择证书");

      b.waitForAttribute("keyReader:picker", "data-state", "ready");
      b.waitForText("keyReader:message", "请选择KEY并输入PIN码");
      new Select(b.find("keyReader:token"))
          .getOptions().stream()
              .filter(option -> option.getText().startsWith(KeyAgentFixture.TOKEN + " ("))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No token " + KeyAgentFixture.TOKEN))
              .click();
      b.type("keyReader:pin", KeyAgentFixture.PIN);
      b.click("keyReader:read");
      b.waitForAttribute("keyReader:picker", "data-state", "listed");
      b.waitForText("keyReader:picker", "CN=" + COMMON_NAME);
      assertEquals("", b.value("keyReader:pin"), "the PIN is not kept in the page");

      b.clickXpath(
          "//tr[td[@class='ka-subject' and contains(., 'CN="
              + COMMON_NAME
              + "')]]//input[@type='radio']");
      b.waitForText("keySubject", "CN=" + COMMON_NAME);
      b.waitForText("keySubject", "O=测试单位");
      b.waitForText("keyIssuer", "CN=Key Agent Test CA");
      assertTrue(
          b.text("keySerialNumber").matches("[0-9A-F]+"),
          "serial number in hex: " + b.text("keySerialNumber"));
      b.waitForText("keyStatus", "有效，剩余");
      assertTrue(
          b.driver()
              .findElement(By.id("keyReader:certificate"))
              .getAttribute("value")
              .startsWith("MII"),
          "the chosen certificate, base64 DER, is in the hidden input");
      PortalSteps.logout(b);
    }
  }

  @Test
  void withoutTheAgentThePageSaysItIsNotRunningAndLinksToTheDownloads() {
    KeyAgentFixture.assertDefaultPortsFree();
    loginAsNewApplicant("孙识别");
    b.open("/applicant/key.xhtml");

    b.waitForAttribute("keyReader:picker", "data-state", "not-running");
    assertEquals("未检测到KEY控件，请下载并启动KEY控件", b.text("keyReader:message"));
    b.clickCss("[id='keyReader:picker'] .ka-download");
    b.waitForUrl("/downloads.xhtml");
    b.waitForText("downloads", "KEY控件");
    b.find("downloadKeyAgent");
    PortalSteps.logout(b);
  }

  @Test
  void downloadPageIsPublicAndServesTheAgentForThisPortalAndTheManual() throws Exception {
    b.open("/login.xhtml");
    b.click("downloadsLink");
    b.waitForUrl("/downloads.xhtml");
    b.waitForText("sealContact", "4007-188588");
    b.waitForText("installGuide", "start-agent.cmd");

    HttpResponse<byte[]> zip = get(b.find("downloadKeyAgent").getAttribute("href"));
    assertEquals(200, zip.statusCode());
    assertTrue(
        zip.headers().firstValue("Content-Type").orElse("").startsWith("application/zip"),
        zip.headers().toString());
    Map<String, byte[]> entries = unzip(zip.body());
    assertTrue(entries.containsKey("ca-key-agent/ca-key-agent.jar"), entries.keySet().toString());
    assertTrue(entries.containsKey("ca-key-agent/start-agent.sh"), entries.keySet().toString());
    Properties agent = new Properties();
    agent.load(
        new StringReader(
            new String(entries.get("ca-key-agent/agent.properties"), StandardCharsets.UTF_8)));
    assertEquals(ORIGIN, agent.getProperty("allowed-origins"));

    HttpResponse<byte[]> manual = get(b.find("downloadManual").getAttribute("href"));
    assertEquals(200, manual.statusCode());
    assertEquals("application/pdf", manual.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        manual
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("filename*=UTF-8''%E6%93%8D%E4%BD%9C%E6%96%87%E6%A1%A3.pdf"));
    try (org.apache.pdfbox.pdmodel.PDDocument pdf =
        org.apache.pdfbox.Loader.loadPDF(manual.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      assertTrue(text.contains("操作文档") && text.contains("控件下载"), text);
    }
  }

  private void loginAsNewApplicant(String name) {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(b, name, TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(b, id, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");
  }

  private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
