package cn.cwca.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the figures derive from the rows of their queries. */
class FiguresTest {

  private static final ReportRange END_OF_JANUARY =
      new ReportRange(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 1));

  @Test
  void revenuePerMonthSumsTheDaysOfEachMonthOfTheRange() {
    Revenue revenue =
        new Revenue(
            END_OF_JANUARY,
            List.of(
                new DayRevenue(LocalDate.of(2026, 1, 30), 1, new BigDecimal("100.00")),
                new DayRevenue(LocalDate.of(2026, 1, 31), 2, new BigDecimal("250.50")),
                new DayRevenue(LocalDate.of(2026, 2, 1), 0, BigDecimal.ZERO)));
    assertEquals(
        List.of(
            new MonthRevenue(YearMonth.of(2026, 1), 3, new BigDecimal("350.50")),
            new MonthRevenue(YearMonth.of(2026, 2), 0, BigDecimal.ZERO)),
        revenue.perMonth());
    assertEquals(new BigDecimal("350.50"), revenue.total());
    assertEquals(3, revenue.payments());
  }

  @Test
  void everyDayOfTheRangeIsAPointOfTheOrderFiguresZerosIncluded() {
    OrderCounts counts =
        new OrderCounts(
            END_OF_JANUARY,
            List.of(
                new OrderCount(LocalDate.of(2026, 1, 31), ServiceType.LOST, OrderStatus.SHIPPED, 4),
                new OrderCount(
                    LocalDate.of(2026, 1, 31), ServiceType.RENEW, OrderStatus.SHIPPED, 1)));
    assertEquals(3, counts.perDayByServiceType().size());
    assertEquals(
        0L, counts.perDayByServiceType().get(LocalDate.of(2026, 1, 30)).get(ServiceType.LOST));
    assertEquals(
        4L, counts.perDayByServiceType().get(LocalDate.of(2026, 1, 31)).get(ServiceType.LOST));
    assertEquals(
        5L, counts.perDayByStatus().get(LocalDate.of(2026, 1, 31)).get(OrderStatus.SHIPPED));
    assertEquals(
        OrderCounts.SUBMITTED_STATUSES,
        List.copyOf(counts.perDayByStatus().get(LocalDate.of(2026, 2, 1)).keySet()));
    assertEquals(5L, counts.waiting().get(OrderStatus.SHIPPED));
    assertEquals(5, counts.total());
  }

  @Test
  void percentilesAreKeptToTheMillisecondAndSaidInHours() {
    Percentiles p = Percentiles.ofSeconds(3, 5400.0004, 7200.9996);
    assertEquals(Duration.ofMillis(5_400_000), p.median());
    assertEquals(Duration.ofMillis(7_201_000), p.p90());
    assertEquals(1.5, p.medianHours());
    assertNull(Percentiles.NONE.p90Hours());
  }
}
