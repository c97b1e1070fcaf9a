package cn.cwca.portal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.report.Dashboard;
import cn.cwca.portal.report.DayPercentiles;
import cn.cwca.portal.report.DayRevenue;
import cn.cwca.portal.report.LeadTime;
import cn.cwca.portal.report.OrderCount;
import cn.cwca.portal.report.OrderCounts;
import cn.cwca.portal.report.Percentiles;
import cn.cwca.portal.report.ReportRange;
import cn.cwca.portal.report.Revenue;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** 统计报表: each figure's table, its CSV and its chart, and the page's texts. */
class ReportsPageTest {

  private static final LocalDate DAY1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 3, 2);
  private static final ReportRange RANGE = new ReportRange(DAY1, DAY2);

  private static final Properties LABELS = bundle("/cn/cwca/portal/web/labels.properties");
  private static final Properties MESSAGES = bundle("/cn/cwca/portal/messages.properties");

  private static Properties bundle(String resource) {
    Properties p = new Properties();
    try (Reader in =
        new InputStreamReader(
            ReportsPageTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }

  private static String label(String key) {
    return LABELS.getProperty(key, "??" + key);
  }

  private static String label(String key, Object[] args) {
    return MessageFormat.format(label(key), args);
  }

  private static String message(String key) {
    return MESSAGES.getProperty(key, "??" + key);
  }

  private static Dashboard dashboard() {
    OrderCounts orders =
        new OrderCounts(
            RANGE,
            List.of(
                new OrderCount(DAY1, ServiceType.RENEW, OrderStatus.COMPLETED, 3),
                new OrderCount(DAY2, ServiceType.LOST, OrderStatus.AWAITING_REVIEW, 2)));
    Revenue revenue =
        new Revenue(
            RANGE,
            List.of(
                new DayRevenue(DAY1, 3, new BigDecimal("600.00")),
                new DayRevenue(DAY2, 0, BigDecimal.ZERO)));
    LeadTime toApproval =
        new LeadTime(
            RANGE,
            new Percentiles(3, Duration.ofMinutes(90), Duration.ofHours(5)),
            List.of(
                new DayPercentiles(
                    DAY1, new Percentiles(3, Duration.ofMinutes(90), Duration.ofHours(5))),
                new DayPercentiles(DAY2, Percentiles.NONE)));
    LeadTime toCompletion =
        new LeadTime(
            RANGE,
            Percentiles.NONE,
            List.of(
                new DayPercentiles(DAY1, Percentiles.NONE),
                new DayPercentiles(DAY2, Percentiles.NONE)));
    return new Dashboard(RANGE, orders, revenue, toApproval, toCompletion);
  }

  private static ReportTable table(ReportFigure figure) {
    Dashboard d = dashboard();
    return figure.table(d, d.revenue(), ReportsPageTest::label, ReportsPageTest::message);
  }

  private static String csv(ReportFigure figure) throws IOException {
    StringWriter out = new StringWriter();
    ReportCsv.write(out, table(figure));
    return out.toString();
  }

  @Test
  void ordersPerDayByServiceTypeHaveAColumnPerTypeAndARowPerDay() throws IOException {
    assertEquals(
        "\uFEFF日期,新办（替换）,更新证书,变更,丢失补办,变更+更新,更新+丢失补办\r\n"
            + "2026-03-01,0,3,0,0,0,0\r\n"
            + "2026-03-02,0,0,0,2,0,0\r\n",
        csv(ReportFigure.ORDERS_BY_SERVICE_TYPE));
  }

  @Test
  void ordersPerDayByStatusHaveAColumnPerStatusOfASubmittedOrder() {
    ReportTable t = table(ReportFigure.ORDERS_BY_STATUS);
    assertEquals(1 + OrderCounts.SUBMITTED_STATUSES.size(), t.columns().size());
    assertFalse(t.columns().contains("草稿"));
    assertEquals(List.of("2026-03-02", 0L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), t.rows().get(1));
  }

  @Test
  void waitingOrdersAreCountedPerStage() throws IOException {
    String csv = csv(ReportFigure.WAITING);
    assertTrue(csv.startsWith("\uFEFF环节,订单数\r\n待支付,0\r\n待审核,2\r\n"), csv);
    assertFalse(csv.contains("已完成"), csv);
  }

  @Test
  void revenueCsvEndsWithTheWholeRange() throws IOException {
    assertEquals(
        "\uFEFF日期,金额（元）,笔数\r\n2026-03-01,600.00,3\r\n2026-03-02,0.00,0\r\n合计,600.00,3\r\n",
        csv(ReportFigure.REVENUE_BY_DAY));
    assertEquals(
        "\uFEFF月份,金额（元）,笔数\r\n2026-03,600.00,3\r\n合计,600.00,3\r\n",
        csv(ReportFigure.REVENUE_BY_MONTH));
    ReportTable t = table(ReportFigure.REVENUE_BY_DAY);
    assertEquals(
        "合计 600.00 元，共 3 笔",
        ReportFigure.summary(ReportFigure.REVENUE_BY_DAY, t.summary(), ReportsPageTest::label));
  }

  @Test
  void leadTimesAreInHoursAndADayWithoutOrdersIsEmpty() throws IOException {
    assertEquals(
        "\uFEFF日期,中位数（小时）,90%分位（小时）,订单数\r\n"
            + "2026-03-01,1.50,5.00,3\r\n"
            + "2026-03-02,,,0\r\n"
            + "合计,1.50,5.00,3\r\n",
        csv(ReportFigure.PAYMENT_TO_APPROVAL));
    ReportTable t = table(ReportFigure.PAYMENT_TO_APPROVAL);
    assertEquals(
        "整个范围：中位数 1.50 小时，90%分位 5.00 小时，共 3 单",
        ReportFigure.summary(
            ReportFigure.PAYMENT_TO_APPROVAL, t.summary(), ReportsPageTest::label));
    ReportTable none = table(ReportFigure.APPROVAL_TO_COMPLETION);
    assertEquals(
        "所选日期内没有订单",
        ReportFigure.summary(
            ReportFigure.APPROVAL_TO_COMPLETION, none.summary(), ReportsPageTest::label));
  }

  @Test
  void aStackedBarChartHasADatasetPerServiceType() {
    String json =
        ReportCharts.config(
            ReportFigure.ORDERS_BY_SERVICE_TYPE, table(ReportFigure.ORDERS_BY_SERVICE_TYPE));
    assertTrue(
        json.startsWith("{\"type\":\"bar\",\"data\":{\"labels\":[\"2026-03-01\",\"2026-03-02\"]"),
        json);
    assertTrue(json.contains("{\"label\":\"更新证书\",\"data\":[3,0]}"), json);
    assertTrue(
        json.contains("\"scales\":{\"x\":{\"stacked\":true},\"y\":{\"stacked\":true}}"), json);
    assertEquals(6, count(json, "\"label\":"));
  }

  @Test
  void aLeadTimeChartDrawsTheMedianAndTheNinetiethPercentileWithGapsOnEmptyDays() {
    String json =
        ReportCharts.config(
            ReportFigure.PAYMENT_TO_APPROVAL, table(ReportFigure.PAYMENT_TO_APPROVAL));
    assertTrue(json.startsWith("{\"type\":\"line\""), json);
    assertTrue(json.contains("{\"label\":\"中位数（小时）\",\"data\":[1.50,null]}"), json);
    assertTrue(json.contains("{\"label\":\"90%分位（小时）\",\"data\":[5.00,null]}"), json);
    assertEquals(2, count(json, "\"label\":"));
    assertFalse(json.contains("stacked"), json);
  }

  @Test
  void theRevenueChartDrawsTheAmount() {
    String json =
        ReportCharts.config(ReportFigure.REVENUE_BY_MONTH, table(ReportFigure.REVENUE_BY_MONTH));
    assertTrue(
        json.contains(
            "\"labels\":[\"2026-03\"],\"datasets\":[{\"label\":\"金额（元）\",\"data\":[600.00]}]"),
        json);
  }

  @Test
  void chartTextCannotCloseTheScriptItIsWrittenIn() {
    assertEquals(
        "\"\\u003c/script\\u003e \\\"x\\\" \\\\ \\u0026\"",
        ReportCharts.string("</script> \"x\" \\ &"));
  }

  @Test
  void everyFigureHasATitleAndAFileNameWithItsDays() {
    for (ReportFigure f : ReportFigure.values()) {
      assertNotNull(LABELS.getProperty(f.labelKey()), f.labelKey());
      assertTrue(f.fileName(DAY1, DAY2).endsWith("-2026-03-01-2026-03-02.csv"), f.name());
    }
  }

  @Test
  void everyLabelThePageNamesExists() throws IOException {
    String page =
        Files.readString(Path.of("src/main/webapp/admin/reports.xhtml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("labels\\['([^']+)'\\]").matcher(page);
    int found = 0;
    while (m.find()) {
      found++;
      assertNotNull(LABELS.getProperty(m.group(1)), m.group(1));
    }
    assertTrue(found > 10);
    for (ReportFigure f : ReportFigure.values()) {
      assertTrue(page.contains("'" + f.name() + "'"), "the page shows " + f);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
