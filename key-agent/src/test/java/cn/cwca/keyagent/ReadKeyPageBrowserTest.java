package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.keyagent.AgentClient.Response;
import cn.cwca.keyagent.http.AgentServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 识别KEY in headless Chromium: the demo page (served from its own origin, the one the agent allows)
 * finds the agent on loopback, logs in to a SoftHSM2 token with the typed PIN and lists its
 * certificates; with no agent running it says so.
 */
class ReadKeyPageBrowserTest {

  private static final String SUBJECT = "CN=浏览器测试 张三,O=测试单位,C=CN";
  private static final TestCa CA = new TestCa();

  private static HttpServer pages;
  private static String pageOrigin;
  private static AgentServer agent;

  private ChromeDriver browser;

  @BeforeAll
  static void servePagesAndStartAgentWithACertificateOnTheToken() throws Exception {
    SoftHsm softHsm = SoftHsm.tokens();
    pages = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    pages.createContext(
        "/read-key.html", exchange -> serve(exchange, "/demo/read-key.html", "text/html"));
    pages.createContext(
        "/key-agent-client.js",
        exchange ->
            serve(
                exchange,
                "/META-INF/resources/keyagent/key-agent-client.js",
                "application/javascript"));
    pages.start();
    pageOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();

    agent = TestAgent.start(List.of(softHsm.library()), Clock.systemUTC(), pageOrigin);
    putCertificateOnTheBrowserToken(new AgentClient(agent.address(), pageOrigin));
  }

  @AfterAll
  static void stopAgentAndPages() {
    if (agent != null) {
      agent.close();
    }
    if (pages != null) {
      pages.stop(0);
    }
  }

  @BeforeEach
  void openBrowser() throws IOException {
    Path profile =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void showsTheTokensCertificatesAfterThePinIsTyped() {
    browser.get(pageOrigin + "/read-key.html?ports=" + agent.port());
    awaitState("ready");

    chooseToken(SoftHsm.BROWSER_TOKEN);
    browser.findElement(By.cssSelector(".ka-pin")).sendKeys(SoftHsm.PIN);
    browser.findElement(By.cssSelector(".ka-read")).click();
    awaitState("listed");

    List<WebElement> subjects = browser.findElements(By.cssSelector(".ka-subject"));
    assertEquals(1, subjects.size());
    assertTrue(subjects.get(0).getText().contains("CN=浏览器测试 张三"), subjects.get(0).getText());
    browser.findElement(By.cssSelector("input[name=ka-certificate]")).click();
    assertEquals(subjects.get(0).getText(), browser.findElement(By.id("chosen")).getText());
  }

  @Test
  void saysTheAgentIsNotRunningWhenNothingAnswersOnItsPort() {
    int stoppedPort;
    try (AgentServer stopped = TestAgent.start(List.of(), Clock.systemUTC(), pageOrigin)) {
      stoppedPort = stopped.port();
    }

    browser.get(pageOrigin + "/read-key.html?ports=" + stoppedPort);
    awaitState("not-running");

    assertEquals(
        "未检测到KEY控件，请下载并启动KEY控件", browser.findElement(By.cssSelector(".ka-message")).getText());
    assertTrue(
        browser
            .findElement(By.cssSelector(".ka-download"))
            .getAttribute("href")
            .endsWith("/download.html"));
  }

  @Test
  void saysThePinIsWrongWhenTheTokenRefusesIt() {
    browser.get(pageOrigin + "/read-key.html?ports=" + agent.port());
    awaitState("ready");
    chooseToken(SoftHsm.BROWSER_TOKEN);

    browser.findElement(By.cssSelector(".ka-pin")).sendKeys("000000");
    browser.findElement(By.cssSelector(".ka-read")).click();
    awaitState("error");

    String message = browser.findElement(By.cssSelector(".ka-message")).getText();
    assertTrue(message.startsWith("PIN码错误"), message);
    assertTrue(browser.findElements(By.cssSelector(".ka-subject")).isEmpty());
  }

  @Test
  void saysTheAgentIsTooOldWhenItsVersionIsBelowThePortalsMinimum() {
    browser.get(pageOrigin + "/read-key.html?ports=" + agent.port() + "&minAgentVersion=99.0.0");
    awaitState("too-old");

    assertEquals(
        "KEY控件版本过低，请下载并安装新版KEY控件", browser.findElement(By.cssSelector(".ka-message")).getText());
    assertEquals(1, browser.findElements(By.cssSelector(".ka-download")).size());
  }

  @Test
  void installsTheCertificateOfAWaitingKeyAndProvesTheKeyForThePagesOrigin() throws Exception {
    AgentClient page = new AgentClient(agent.address(), pageOrigin);
    String session = page.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key =
        page.post(
            "/v1/keys",
            session,
            Json.createObjectBuilder()
                .add("algorithm", "EC-P256")
                .add("subject", "CN=浏览器制证")
                .build());
    assertEquals(201, key.status(), key.body());
    assertEquals(
        204, page.post("/v1/logout", session, jakarta.json.JsonValue.EMPTY_JSON_OBJECT).status());
    X509Certificate certificate = CA.issue(Base64.getDecoder().decode(key.json().getString("csr")));
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String nonce = Base64.getEncoder().encodeToString(random);
    browser.get(pageOrigin + "/read-key.html?ports=" + agent.port());
    awaitState("ready");

    JsonObject answer =
        runAsync(
            """
            var port = arguments[0], label = arguments[1], pin = arguments[2];
            var certificate = arguments[3], issuer = arguments[4], nonce = arguments[5];
            var done = arguments[6];
            var client = new KeyAgentClient({ ports: [port] });
            var installed;
            client.probe()
              .then(function () { return client.login({ label: label }, pin); })
              .then(function () { return client.installCertificate(certificate, [issuer]); })
              .then(function (stored) {
                installed = stored;
                return client.proveKey(stored.serialNumber, nonce);
              })
              .then(function (proof) { done(JSON.stringify({ installed: installed, proof: proof })); },
                    function (error) { done(JSON.stringify({ failed: String(error.code) })); });
            """,
            agent.port(),
            SoftHsm.TOKEN,
            SoftHsm.PIN,
            Base64.getEncoder().encodeToString(certificate.getEncoded()),
            Base64.getEncoder().encodeToString(CA.certificate().getEncoded()),
            nonce);

    assertFalse(answer.containsKey("failed"), answer.toString());
    assertTrue(answer.getJsonObject("installed").getBoolean("hasPrivateKey"));
    JsonObject proof = answer.getJsonObject("proof");
    String text = "CA-PORTAL-PROOF-V1\n" + pageOrigin + "\n" + nonce;
    assertEquals(text, proof.getString("signedText"));
    Signature verifier = Signature.getInstance(proof.getString("algorithm"));
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(text.getBytes(StandardCharsets.UTF_8));
    assertTrue(verifier.verify(Base64.getDecoder().decode(proof.getString("signature"))));
  }

  @Test
  void setsTheUserPinOfAKeyWithTheSecurityOfficersPin() {
    browser.get(pageOrigin + "/read-key.html?ports=" + agent.port());
    awaitState("ready");

    JsonObject answer =
        runAsync(
            """
            var port = arguments[0], label = arguments[1], soPin = arguments[2];
            var done = arguments[3];
            var client = new KeyAgentClient({ ports: [port] });
            var token;
            client.probe()
              .then(function () {
                token = client.tokens().filter(function (t) { return t.label === label; })[0];
                return client.initUserPin(token, soPin, '86420975');
              })
              .then(function () { return 'set'; },
                    function (error) { return error.code + ' ' + error.message; })
              .then(function (unasked) {
                return client.initUserPin(token, soPin, '86420975', { reinitialise: true })
                  .then(function () { return client.login({ serial: token.serial }, '86420975'); })
                  .then(function (login) {
                    done(JSON.stringify({ unasked: unasked, label: login.token.label }));
                  });
              })
              .catch(function (error) { done(JSON.stringify({ failed: String(error.code) })); });
            """,
            agent.port(),
            SoftHsm.BROWSER_INIT_PIN_TOKEN,
            SoftHsm.SO_PIN);

    assertFalse(answer.containsKey("failed"), answer.toString());
    assertEquals("pin_already_initialised 该KEY已设置用户PIN码", answer.getString("unasked"));
    assertEquals(SoftHsm.BROWSER_INIT_PIN_TOKEN, answer.getString("label"));
  }

  private void chooseToken(String label) {
    new Select(browser.findElement(By.cssSelector(".ka-token")))
        .getOptions().stream()
            .filter(option -> option.getText().startsWith(label + " ("))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No token " + label + " to choose"))
            .click();
  }

  private void awaitState(String state) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .withMessage(
            () ->
                "page state "
                    + browser.findElement(By.id("read-key")).getAttribute("data-state")
                    + ": "
                    + browser.findElement(By.id("read-key")).getText())
        .until(
            driver ->
                state.equals(driver.findElement(By.id("read-key")).getAttribute("data-state")));
  }

  private static void putCertificateOnTheBrowserToken(AgentClient page) throws Exception {
    String session = page.login(SoftHsm.BROWSER_TOKEN, SoftHsm.PIN);
    Response key =
        page.post(
            "/v1/keys",
            session,
            Json.createObjectBuilder().add("algorithm", "EC-P256").add("subject", SUBJECT).build());
    assertEquals(201, key.status(), key.body());
    X509Certificate certificate =
        CA.issue(
            new PKCS10CertificationRequest(Base64.getDecoder().decode(key.json().getString("csr")))
                .getEncoded());
    Response installed =
        page.post(
            "/v1/certificates",
            session,
            Json.createObjectBuilder()
                .add("keyId", key.json().getString("keyId"))
                .add("certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()))
                .build());
    assertEquals(201, installed.status(), installed.body());
    assertEquals(
        204, page.post("/v1/logout", session, jakarta.json.JsonValue.EMPTY_JSON_OBJECT).status());
  }

  /** Runs the script (its last argument is the callback) in the page; it answers with JSON. */
  private JsonObject runAsync(String script, Object... arguments) {
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    String answer = (String) browser.executeAsyncScript(script, arguments);
    try (var reader = Json.createReader(new StringReader(answer))) {
      return reader.readObject();
    }
  }

  private static void serve(HttpExchange exchange, String resource, String type)
      throws IOException {
    try (exchange;
        InputStream in = ReadKeyPageBrowserTest.class.getResourceAsStream(resource)) {
      byte[] body = in.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
