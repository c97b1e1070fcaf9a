package cn.cwca.portal.report;

import java.io.Serializable;
import java.util.List;

/**
 * How long orders took from one step to the next (支付 to 审核通过, 审核通过 to 已完成): of the orders that took
 * the later step in the range, per day of that step and over the whole range.
 *
 * @param overall the whole range (not a mean of the days)
 * @param perDay every day of the range, in order; {@link Percentiles#NONE} on a day without any
 */
public record LeadTime(ReportRange range, Percentiles overall, List<DayPercentiles> perDay)
    implements Serializable {

  public LeadTime {
    perDay = List.copyOf(perDay);
  }
}
