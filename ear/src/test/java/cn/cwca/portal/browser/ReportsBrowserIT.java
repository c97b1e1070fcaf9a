package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * 统计报表 in headless Chromium, under the Content Security Policy (a refused script fails the test
 * when the browser closes): the administrator opens it from the staff start page and sees every
 * chart drawn by Chart.js for the last 30 days, a reversed range refused, and a figure's CSV
 * downloaded; the finance staff see the revenue only.
 */
class ReportsBrowserIT {

  private static final List<String> EVERY_CHART =
      List.of(
          "ordersByServiceTypeChart",
          "ordersByStatusChart",
          "waitingChart",
          "revenueByDayChart",
          "revenueByMonthChart",
          "paymentToApprovalChart",
          "approvalToCompletionChart");

  @Test
  void anAdministratorSeesEveryChartAndDownloadsAFiguresCsv() throws Exception {
    try (Browser admin = new Browser()) {
      PortalSteps.loginAsAdmin(admin);
      admin.click("reportsLink");
      admin.waitForUrl("/admin/reports.xhtml");
      for (String chart : EVERY_CHART) {
        waitForChart(admin, chart);
      }
      admin.snap("reports");

      Csv csv = download(admin, "revenueByDayCsv");
      assertEquals(200, csv.status());
      assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
      assertTrue(csv.disposition().contains("revenue-by-day-"), csv.disposition());
      List<String> lines = csv.text().lines().toList();
      assertEquals("\uFEFF日期,金额（元）,笔数", lines.get(0));
      assertEquals(1 + 30 + 1, lines.size(), "a header, the 30 days and 合计");
      assertTrue(lines.get(lines.size() - 1).startsWith("合计,"), lines.get(lines.size() - 1));

      Csv waiting = download(admin, "waitingCsv");
      assertTrue(waiting.text().startsWith("\uFEFF环节,订单数\r\n待支付,"), waiting.text());

      chooseRange(admin, "2026-03-02", "2026-03-01");
      admin.clickAndWaitForAjax("reportShow");
      admin.waitForPageText("截止日期不能早于起始日期");

      chooseRange(admin, "2026-01-01", "2026-03-31");
      admin.clickAndWaitForAjax("reportShow");
      // the export names the days the figures were read for: the range was applied
      String disposition = download(admin, "revenueByMonthCsv").disposition();
      assertTrue(disposition.contains("2026-01-01-2026-03-31"), disposition);
    }
  }

  @Test
  void theFinanceStaffSeeTheRevenueOnly() throws Exception {
    String login = "it-report-fin" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    PortalSteps.createStaff(login, TestIdentities.PASSWORD, "FINANCE");
    try (Browser finance = new Browser()) {
      PortalSteps.login(finance, login, TestIdentities.PASSWORD);
      finance.waitForUrl("/admin/index.xhtml");
      finance.click("reportsLink");
      finance.waitForUrl("/admin/reports.xhtml");
      waitForChart(finance, "revenueByDayChart");
      waitForChart(finance, "revenueByMonthChart");
      assertFalse(finance.exists("ordersByServiceTypeChart"));
      assertFalse(finance.exists("paymentToApprovalChart"));
      assertFalse(finance.exists("waitingCsv"));
      assertTrue(download(finance, "revenueByMonthCsv").text().startsWith("\uFEFF月份,"));
      assertEquals(403, finance.fetch(Browser.PORTAL + "/admin/audit.xhtml").status());
    }
  }

  /** Waits until Chart.js has drawn the {@code p:chart} of that id on its canvas. */
  private static void waitForChart(Browser b, String chartId) {
    b.waitUntil(
        chartId + " drawn by Chart.js",
        "var c = document.getElementById(arguments[0] + '_canvas');"
            + " var chart = c && window.Chart && Chart.getChart(c);"
            + " return !!chart && chart.data.datasets.length > 0 && c.width > 0;",
        chartId);
  }

  /** What the export button's form post answered, read by the page's fetch(). */
  record Csv(int status, String contentType, String disposition, String text) {}

  /**
   * Posts the page's form as the export button does (its name among the form's fields, with the
   * view state), and reads the answer instead of letting the browser save it; the text keeps its
   * byte order mark.
   */
  private static Csv download(Browser b, String buttonId) {
    List<?> answer =
        (List<?>)
            ((JavascriptExecutor) b.driver())
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + " var button = document.getElementById(arguments[0]);"
                        + " var data = new FormData(button.form);"
                        + " data.append(button.name, button.value || '');"
                        + " fetch(button.form.action, {method: 'POST', credentials: 'same-origin',"
                        + "   body: new URLSearchParams(data)}).then(function (r) {"
                        + "  return r.arrayBuffer().then(function (body) {"
                        + "   var text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(body);"
                        + "   done([r.status, r.headers.get('content-type') || '',"
                        + "     r.headers.get('content-disposition') || '', text]);"
                        + "  });"
                        + " }).catch(function (e) { done([0, String(e), '', '']); });",
                    buttonId);
    return new Csv(
        ((Number) answer.get(0)).intValue(),
        (String) answer.get(1),
        (String) answer.get(2),
        (String) answer.get(3));
  }

  /**
   * Types the range's two days into the date pickers as a person does, and checks, as a person
   * does, that both fields show them before 查询.
   */
  private static void chooseRange(Browser b, String from, String to) {
    retype(b, "reportFrom", from);
    retype(b, "reportTo", to);
    assertEquals(
        from + " " + to,
        b.find("reportFrom_input").getDomProperty("value")
            + " "
            + b.find("reportTo_input").getDomProperty("value"),
        "the range fields");
  }

  /**
   * Types over a date picker's day as a person does (select all, type). The calendar opens only
   * from its button: one that opened on focus would take the focus from the field while the person
   * is typing.
   */
  private static void retype(Browser b, String picker, String day) {
    WebElement field = b.find(picker + "_input");
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    field.sendKeys(Keys.BACK_SPACE);
    field.sendKeys(day);
    assertTrue(
        b.driver().findElements(By.id(picker + "_panel")).stream()
            .noneMatch(WebElement::isDisplayed),
        picker + "'s calendar stays closed");
  }
}
