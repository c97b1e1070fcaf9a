package cn.cwca.portal.web.admin;

import static cn.cwca.portal.web.admin.ReportTable.ALL;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.report.Dashboard;
import cn.cwca.portal.report.DayPercentiles;
import cn.cwca.portal.report.DayRevenue;
import cn.cwca.portal.report.LeadTime;
import cn.cwca.portal.report.MonthRevenue;
import cn.cwca.portal.report.OrderCounts;
import cn.cwca.portal.report.Percentiles;
import cn.cwca.portal.report.Revenue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The figures of 统计报表, each with its chart's kind, its label ({@code report.<name>} in the labels)
 * and its file name, and how it becomes a {@link ReportTable}. Revenue is everybody's who opens the
 * page (系统管理员 and 财务); the others only the 系统管理员's.
 */
enum ReportFigure {
  ORDERS_BY_SERVICE_TYPE("bar", true, ALL, false, "orders-by-service-type"),
  ORDERS_BY_STATUS("bar", true, ALL, false, "orders-by-status"),
  WAITING("bar", false, 1, false, "orders-waiting"),
  /** The amount is charted; the number of payments is the CSV's. */
  REVENUE_BY_DAY("bar", false, 1, true, "revenue-by-day"),
  REVENUE_BY_MONTH("bar", false, 1, true, "revenue-by-month"),
  /** The median and the 90th percentile are charted; the orders behind them are the CSV's. */
  PAYMENT_TO_APPROVAL("line", false, 2, false, "payment-to-approval"),
  APPROVAL_TO_COMPLETION("line", false, 2, false, "approval-to-completion");

  private final String chartType;
  private final boolean stacked;
  private final int series;
  private final boolean revenue;
  private final String fileName;

  ReportFigure(String chartType, boolean stacked, int series, boolean revenue, String fileName) {
    this.chartType = chartType;
    this.stacked = stacked;
    this.series = series;
    this.revenue = revenue;
    this.fileName = fileName;
  }

  /** How many columns after the first the chart draws: {@link #ALL}, or the first n. */
  int series(ReportTable table) {
    return series == ALL ? table.columns().size() - 1 : series;
  }

  /** Chart.js's type: {@code bar} or {@code line}. */
  String chartType() {
    return chartType;
  }

  /** Whether the series stack (the parts of one day's orders). */
  boolean stacked() {
    return stacked;
  }

  /** Whether the figure is money, which 财务 sees too. */
  boolean revenue() {
    return revenue;
  }

  /** The label key of its title. */
  String labelKey() {
    return "report." + name();
  }

  /** The CSV's file name, with the range. */
  String fileName(LocalDate from, LocalDate to) {
    return fileName + "-" + from + "-" + to + ".csv";
  }

  /**
   * The figure as a table.
   *
   * @param labels text of the labels bundle by key
   * @param messages text of the messages bundle by key (service types, statuses)
   */
  ReportTable table(
      Dashboard dashboard,
      Revenue revenue,
      Function<String, String> labels,
      Function<String, String> messages) {
    return switch (this) {
      case ORDERS_BY_SERVICE_TYPE -> ordersByServiceType(dashboard.orders(), labels, messages);
      case ORDERS_BY_STATUS -> ordersByStatus(dashboard.orders(), labels, messages);
      case WAITING -> waiting(dashboard.orders(), labels, messages);
      case REVENUE_BY_DAY -> revenueByDay(revenue, labels);
      case REVENUE_BY_MONTH -> revenueByMonth(revenue, labels);
      case PAYMENT_TO_APPROVAL -> leadTime(dashboard.paymentToApproval(), labels);
      case APPROVAL_TO_COMPLETION -> leadTime(dashboard.approvalToCompletion(), labels);
    };
  }

  /**
   * The whole range's row in words: the revenue's sum and payments, or a lead time's median, 90th
   * percentile and orders.
   *
   * @param labels the labels bundle's text by key, formatted with the arguments
   */
  static String summary(
      ReportFigure figure, List<Object> summary, BiFunction<String, Object[], String> labels) {
    if (figure.revenue()) {
      return labels.apply(
          "report.revenue.summary", new Object[] {text(summary.get(1)), summary.get(2)});
    }
    if (summary.get(1) == null) {
      return labels.apply("report.leadTime.none", new Object[0]);
    }
    return labels.apply(
        "report.leadTime.summary",
        new Object[] {text(summary.get(1)), text(summary.get(2)), summary.get(3)});
  }

  private static String text(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }

  private static ReportTable ordersByServiceType(
      OrderCounts orders, Function<String, String> labels, Function<String, String> messages) {
    List<String> columns = new ArrayList<>(List.of(labels.apply("report.day")));
    for (ServiceType type : ServiceType.values()) {
      columns.add(messages.apply("serviceType." + type.name()));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<LocalDate, Map<ServiceType, Long>> day :
        orders.perDayByServiceType().entrySet()) {
      List<Object> row = new ArrayList<>(List.of(day.getKey().toString()));
      row.addAll(day.getValue().values());
      rows.add(row);
    }
    return new ReportTable(columns, rows, null);
  }

  private static ReportTable ordersByStatus(
      OrderCounts orders, Function<String, String> labels, Function<String, String> messages) {
    List<String> columns = new ArrayList<>(List.of(labels.apply("report.day")));
    for (OrderStatus status : OrderCounts.SUBMITTED_STATUSES) {
      columns.add(messages.apply(status.labelKey()));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<LocalDate, Map<OrderStatus, Long>> day : orders.perDayByStatus().entrySet()) {
      List<Object> row = new ArrayList<>(List.of(day.getKey().toString()));
      row.addAll(day.getValue().values());
      rows.add(row);
    }
    return new ReportTable(columns, rows, null);
  }

  private static ReportTable waiting(
      OrderCounts orders, Function<String, String> labels, Function<String, String> messages) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<OrderStatus, Long> stage : orders.waiting().entrySet()) {
      rows.add(List.of(messages.apply(stage.getKey().labelKey()), stage.getValue()));
    }
    return new ReportTable(
        List.of(labels.apply("report.stage"), labels.apply("report.orders")), rows, null);
  }

  private static ReportTable revenueByDay(Revenue revenue, Function<String, String> labels) {
    List<List<Object>> rows = new ArrayList<>();
    for (DayRevenue d : revenue.perDay()) {
      rows.add(List.of(d.day().toString(), yuan(d.amount()), d.payments()));
    }
    return new ReportTable(
        List.of(
            labels.apply("report.day"),
            labels.apply("report.amount"),
            labels.apply("report.payments")),
        rows,
        List.of(labels.apply("report.total"), yuan(revenue.total()), revenue.payments()));
  }

  private static ReportTable revenueByMonth(Revenue revenue, Function<String, String> labels) {
    List<List<Object>> rows = new ArrayList<>();
    for (MonthRevenue m : revenue.perMonth()) {
      rows.add(List.of(m.month().toString(), yuan(m.amount()), m.payments()));
    }
    return new ReportTable(
        List.of(
            labels.apply("report.month"),
            labels.apply("report.amount"),
            labels.apply("report.payments")),
        rows,
        List.of(labels.apply("report.total"), yuan(revenue.total()), revenue.payments()));
  }

  private static ReportTable leadTime(LeadTime lead, Function<String, String> labels) {
    List<List<Object>> rows = new ArrayList<>();
    for (DayPercentiles d : lead.perDay()) {
      rows.add(row(d.day().toString(), d.percentiles()));
    }
    return new ReportTable(
        List.of(
            labels.apply("report.day"),
            labels.apply("report.medianHours"),
            labels.apply("report.p90Hours"),
            labels.apply("report.orders")),
        rows,
        row(labels.apply("report.total"), lead.overall()));
  }

  private static List<Object> row(String first, Percentiles p) {
    List<Object> row = new ArrayList<>();
    row.add(first);
    row.add(hours(p.medianHours()));
    row.add(hours(p.p90Hours()));
    row.add(p.orders());
    return row;
  }

  /** Hours to two decimals, or {@code null} without a value. */
  private static BigDecimal hours(Double hours) {
    return hours == null ? null : BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal yuan(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
