package cn.cwca.portal.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 收入: the money the orders' payments brought in the range, per day and per month, by the day the
 * payment was settled. A payment kept for a refund (a second payment, a cancelled order, a wrong
 * amount) is not revenue.
 *
 * @param perDay every day of the range, in order, zeros included
 */
public record Revenue(ReportRange range, List<DayRevenue> perDay) implements Serializable {

  public Revenue {
    perDay = List.copyOf(perDay);
  }

  /** The days summed per month, in order; the range's first and last month may be partial. */
  public List<MonthRevenue> perMonth() {
    Map<YearMonth, MonthRevenue> months = new LinkedHashMap<>();
    for (DayRevenue d : perDay) {
      months.merge(
          YearMonth.from(d.day()),
          new MonthRevenue(YearMonth.from(d.day()), d.payments(), d.amount()),
          (a, b) ->
              new MonthRevenue(a.month(), a.payments() + b.payments(), a.amount().add(b.amount())));
    }
    return new ArrayList<>(months.values());
  }

  /** The whole range. */
  public BigDecimal total() {
    return perDay.stream().map(DayRevenue::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Payments settled in the whole range. */
  public long payments() {
    return perDay.stream().mapToLong(DayRevenue::payments).sum();
  }
}
