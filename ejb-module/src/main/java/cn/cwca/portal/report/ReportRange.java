package cn.cwca.portal.report;

import cn.cwca.portal.common.BeijingDays;
import cn.cwca.portal.common.BusinessException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, both included, in Beijing days ({@link BeijingDays}): at most {@value
 * #MAX_DAYS} (a year, leap years too), so that a figure per day stays a chart one can read and a
 * query of bounded size.
 *
 * @throws BusinessException {@code report.range.missing} without both days, {@code
 *     report.range.reversed} when {@code to} is before {@code from}, {@code report.range.tooLong}
 *     beyond {@value #MAX_DAYS} days
 */
public record ReportRange(LocalDate from, LocalDate to) implements Serializable {

  /** The longest range. */
  public static final int MAX_DAYS = 366;

  /** The range the dashboard opens with: the last 30 days, today included. */
  public static final int DEFAULT_DAYS = 30;

  public ReportRange {
    if (from == null || to == null) {
      throw new BusinessException("report.range.missing");
    }
    if (to.isBefore(from)) {
      throw new BusinessException("report.range.reversed");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new BusinessException("report.range.tooLong", MAX_DAYS);
    }
  }

  /** The last {@code days} days up to today in Beijing, today included. */
  public static ReportRange lastDays(Clock clock, int days) {
    LocalDate today = LocalDate.now(clock.withZone(BeijingDays.ZONE));
    return new ReportRange(today.minusDays(days - 1L), today);
  }

  /** How many days, both ends included. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** Every day of the range, in order. */
  public List<LocalDate> dayList() {
    List<LocalDate> days = new ArrayList<>(days());
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }
}
