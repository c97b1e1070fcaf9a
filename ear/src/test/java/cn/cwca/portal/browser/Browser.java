package cn.cwca.portal.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium against the deployed portal. Binary and driver are
 * set explicitly so that nothing is downloaded at run time; each session gets a fresh profile.
 */
final class Browser implements AutoCloseable {

  static final String PORTAL = System.getProperty("portal.url", "http://localhost:8080/portal");

  private final WebDriver driver;
  private final WebDriverWait wait;

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
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
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

  void type(String id, String text) {
    WebElement e = find(id);
    e.clear();
    e.sendKeys(text);
  }

  /** Types and leaves the field, as a person does before reading the message under it. */
  void typeAndLeave(String id, String text) {
    type(id, text);
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].dispatchEvent(new Event('blur')); arguments[0].blur();", find(id));
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  /** Clicks something that navigates, and waits for the next page to be loaded. */
  void clickAndWaitForPage(String id) {
    WebElement old = driver.findElement(By.tagName("html"));
    click(id);
    wait.until(ExpectedConditions.stalenessOf(old));
    waitForPage();
  }

  String text(String id) {
    return find(id).getText();
  }

  void waitForText(String id, String expected) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
  }

  void waitForPageText(String expected) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expected));
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  WebDriver driver() {
    return driver;
  }

  private void waitForPage() {
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
