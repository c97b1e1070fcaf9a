package cn.cwca.portal.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium against the deployed portal. Binary and driver are
 * set explicitly so that nothing is downloaded at run time; each session gets a fresh profile.
 * Every wait is for a condition, never a sleep.
 */
final class Browser implements AutoCloseable {

  static final String PORTAL = System.getProperty("portal.url", "http://localhost:8080/portal");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final List<String> cspViolations = new ArrayList<>();
  private Path screens;

  Browser() throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
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
        "--lang=zh-CN",
        "--window-size=1280,1024",
        "--user-data-dir=" + profile);
    // The console, where Chromium reports what the Content Security Policy refused.
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // A condition polled while the page is being replaced (a navigation, an ajax update) may find
    // an element that no longer belongs to the document: poll again.
    wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
  }

  void open(String page) {
    driver.get(PORTAL + page);
    waitForPage();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  WebElement find(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  boolean exists(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  String text(String id) {
    return find(id).getText();
  }

  String value(String id) {
    return find(id).getAttribute("value");
  }

  void type(String id, String text) {
    WebElement e = find(id);
    e.clear();
    e.sendKeys(text);
  }

  /** Types and leaves the field, as a person does before reading the message under it. */
  void typeAndLeave(String id, String text) {
    type(id, text);
    js(
        "document.getElementById(arguments[0]).blur();"
            + " $(document.getElementById(arguments[0])).trigger('blur');",
        id);
    waitForAjax();
  }

  /**
   * Chooses an option of a PrimeFaces selectOneMenu by its widget and fires its change (ajax)
   * event.
   */
  void choose(String widgetVar, String value) {
    js(
        "var m = PF(arguments[0]); m.selectValue(arguments[1]); m.triggerChange();",
        widgetVar,
        value);
    waitForAjax();
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  void clickAndWaitForAjax(String id) {
    click(id);
    waitForAjax();
  }

  void clickCss(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    waitForAjax();
  }

  void clickXpath(String xpath) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
    waitForAjax();
  }

  /**
   * Closes a PrimeFaces dialog with its title-bar button and waits until its modal mask is gone.
   */
  void closeDialog(String id) {
    clickCss("#" + id + " .ui-dialog-titlebar-close");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id + "_modal")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
  }

  void waitForAjax() {
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"));
  }

  /** Waits until the element's text contains the expected text; fails saying what it did show. */
  void waitForText(String id, String expected) {
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Expected '" + expected + "' in #" + id + " but it showed: " + textOrNothing(id), e);
    }
  }

  /**
   * Waits until the element's attribute has the expected value; fails saying what it had and
   * showed.
   */
  void waitForAttribute(String id, String attribute, String expected) {
    try {
      wait.until(ExpectedConditions.attributeToBe(By.id(id), attribute, expected));
    } catch (TimeoutException e) {
      List<WebElement> found = driver.findElements(By.id(id));
      throw new AssertionError(
          "Expected "
              + attribute
              + "='"
              + expected
              + "' on #"
              + id
              + " but it had '"
              + (found.isEmpty() ? "(no such element)" : found.get(0).getAttribute(attribute))
              + "' and showed: "
              + textOrNothing(id),
          e);
    }
  }

  void waitForEmptyText(String id) {
    try {
      wait.until(d -> d.findElement(By.id(id)).getText().isBlank());
    } catch (TimeoutException e) {
      throw new AssertionError("Expected #" + id + " to be empty: " + textOrNothing(id), e);
    }
  }

  void waitForPageText(String expected) {
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expected));
    } catch (TimeoutException e) {
      throw new AssertionError("Expected '" + expected + "' on " + driver.getCurrentUrl(), e);
    }
  }

  void waitForUrl(String fragment) {
    try {
      wait.until(ExpectedConditions.urlContains(fragment));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Expected to be on " + fragment + " but was on " + driver.getCurrentUrl(), e);
    }
    waitForAjax();
  }

  private String textOrNothing(String id) {
    List<WebElement> found = driver.findElements(By.id(id));
    return found.isEmpty() ? "(no such element)" : found.get(0).getText();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private void waitForPage() {
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** Reloads the current page, as a person pressing F5 does. */
  void reload() {
    driver.navigate().refresh();
    waitForPage();
    waitForAjax();
  }

  /**
   * Chooses the first option with a value of a PrimeFaces selectOneMenu (e.g. the first 证书年限 the
   * price table offers) and fires its change event.
   */
  void chooseFirst(String widgetVar) {
    js(
        "var m = PF(arguments[0]);"
            + " var v = m.input.find('option').filter(function () { return this.value; }).first().val();"
            + " m.selectValue(v); m.triggerChange();",
        widgetVar);
    waitForAjax();
  }

  /** Gives a file to an {@code <input type=file>} (found by id; it may be visually hidden). */
  void chooseFile(String inputId, Path file) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id(inputId)))
        .sendKeys(file.toAbsolutePath().toString());
  }

  /** Waits until the script returns true; fails naming the condition. */
  void waitUntil(String description, String script, Object... args) {
    try {
      wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script, args)));
    } catch (TimeoutException e) {
      throw new AssertionError("Timed out waiting until " + description, e);
    }
  }

  /** What a GET of the page's own fetch() answered. */
  record Fetched(
      int status,
      String contentType,
      String url,
      long length,
      String firstBytesHex,
      String contentSecurityPolicy,
      String contentDisposition) {}

  /**
   * GETs a URL from the current page with its session cookie, as the page's links and images do;
   * redirects are followed ({@link Fetched#url()} is where it ended).
   */
  Fetched fetch(String url) {
    List<?> answer =
        (List<?>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                        + "  return r.arrayBuffer().then(function (body) {"
                        + "   var head = Array.prototype.map.call(new Uint8Array(body).slice(0, 8),"
                        + "     function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');"
                        + "   done([r.status, r.headers.get('content-type') || '', r.url,"
                        + "     body.byteLength, head,"
                        + "     r.headers.get('content-security-policy') || '',"
                        + "     r.headers.get('content-disposition') || '']);"
                        + "  });"
                        + " }).catch(function (e) { done([0, String(e), '', 0, '', '', '']); });",
                    url);
    return new Fetched(
        ((Number) answer.get(0)).intValue(),
        (String) answer.get(1),
        (String) answer.get(2),
        ((Number) answer.get(3)).longValue(),
        (String) answer.get(4),
        (String) answer.get(5),
        (String) answer.get(6));
  }

  /**
   * The body of a GET of the page's own fetch() with its session cookie (redirects followed), e.g.
   * a download to compare with the file that was uploaded; fails unless it answered 200.
   */
  byte[] fetchBody(String url) {
    List<?> answer =
        (List<?>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                        + "  return r.arrayBuffer().then(function (body) {"
                        + "   var bytes = new Uint8Array(body), text = '';"
                        + "   for (var i = 0; i < bytes.length; i += 8192) {"
                        + "    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));"
                        + "   }"
                        + "   done([r.status, btoa(text)]);"
                        + "  });"
                        + " }).catch(function (e) { done([0, String(e)]); });",
                    url);
    int status = ((Number) answer.get(0)).intValue();
    if (status != 200) {
      throw new AssertionError(
          "GET "
              + url
              + " answered "
              + (status == 0 ? "nothing: " + answer.get(1) : String.valueOf(status)));
    }
    return java.util.Base64.getDecoder().decode((String) answer.get(1));
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * What Chromium's console reported as refused by the portal's Content Security Policy since the
   * browser started: an inline script without the page's nonce, an evaluated string, a source of
   * another origin.
   */
  List<String> cspViolations() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getMessage().contains("Content Security Policy")) {
        cspViolations.add(entry.getMessage());
      }
    }
    return List.copyOf(cspViolations);
  }

  /**
   * Makes {@link #snap} save screenshots into this folder: the screenshots of 操作文档 (see {@code
   * OperationManualBrowserIT}).
   */
  Browser takingScreens(Path folder) throws java.io.IOException {
    screens = Files.createDirectories(folder);
    return this;
  }

  /**
   * A screenshot of the page as it is now, named as 操作文档 refers to it, when this browser takes
   * screens; otherwise nothing.
   */
  void snap(String name) {
    if (screens == null) {
      return;
    }
    waitForAjax();
    js("window.scrollTo(0, 0); if (document.activeElement) { document.activeElement.blur(); }");
    try {
      Files.write(
          screens.resolve(name + ".png"),
          ((org.openqa.selenium.TakesScreenshot) driver)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The refusals so far, which then no longer fail {@link #close} (a test that provokes one). */
  List<String> takeCspViolations() {
    List<String> refused = cspViolations();
    cspViolations.clear();
    return refused;
  }

  /** Closes the browser; fails the test when the Content Security Policy refused anything. */
  @Override
  public void close() {
    List<String> refused;
    try {
      refused = cspViolations();
    } finally {
      driver.quit();
    }
    if (!refused.isEmpty()) {
      throw new AssertionError("The Content Security Policy refused: " + refused);
    }
  }
}
