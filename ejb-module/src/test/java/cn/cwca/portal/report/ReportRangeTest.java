package cn.cwca.portal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRangeTest {

  @Test
  void theDefaultRangeIsTheLastThirtyBeijingDaysWithToday() {
    // 16:30 UTC on 31 March is already 1 April in Beijing.
    Clock clock = Clock.fixed(Instant.parse("2026-03-31T16:30:00Z"), ZoneOffset.UTC);
    ReportRange range = ReportRange.lastDays(clock, ReportRange.DEFAULT_DAYS);
    assertEquals(LocalDate.of(2026, 4, 1), range.to());
    assertEquals(LocalDate.of(2026, 3, 3), range.from());
    assertEquals(30, range.days());
  }

  @Test
  void aRangeNeedsBothDaysInOrder() {
    assertEquals("report.range.missing", refusal(null, LocalDate.of(2026, 3, 1)));
    assertEquals("report.range.missing", refusal(LocalDate.of(2026, 3, 1), null));
    assertEquals(
        "report.range.reversed", refusal(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)));
    assertEquals(1, new ReportRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)).days());
  }

  @Test
  void aRangeCoversAYearAtMostLeapYearsIncluded() {
    assertEquals(366, new ReportRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).days());
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> new ReportRange(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)));
    assertEquals("report.range.tooLong", e.messageKey());
    assertArrayEquals(new Object[] {366}, e.args());
  }

  @Test
  void aRangeListsItsDaysInOrder() {
    ReportRange range = new ReportRange(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1));
    assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1)), range.dayList());
  }

  private static String refusal(LocalDate from, LocalDate to) {
    return assertThrows(BusinessException.class, () -> new ReportRange(from, to)).messageKey();
  }
}
