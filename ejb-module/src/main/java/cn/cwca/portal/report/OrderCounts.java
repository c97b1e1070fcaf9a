package cn.cwca.portal.report;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The orders submitted in a range (drafts are not orders), counted per day, service type and the
 * status they are in now: the figures 每日订单（按服务类型）, 每日订单（按状态） and 各环节等待中的订单.
 */
public record OrderCounts(ReportRange range, List<OrderCount> counts) implements Serializable {

  /**
   * The stages where an order waits for someone, in the order it passes them: the applicant's
   * payment, a reviewer, a second reviewer, the applicant's correction after 驳回, 制证, shipping or
   * the counter, 签收, 领取.
   */
  public static final List<OrderStatus> WAITING =
      List.of(
          OrderStatus.AWAITING_PAYMENT,
          OrderStatus.AWAITING_REVIEW,
          OrderStatus.AWAITING_SECOND_REVIEW,
          OrderStatus.REJECTED,
          OrderStatus.APPROVED,
          OrderStatus.CERTIFICATE_MADE,
          OrderStatus.SHIPPED,
          OrderStatus.AWAITING_PICKUP);

  /** The statuses of submitted orders, in the lifecycle's order. */
  public static final List<OrderStatus> SUBMITTED_STATUSES =
      List.of(OrderStatus.values()).stream().filter(s -> s != OrderStatus.DRAFT).toList();

  public OrderCounts {
    counts = List.copyOf(counts);
  }

  /** Every day of the range with its orders per service type, zeros included. */
  public SortedMap<LocalDate, Map<ServiceType, Long>> perDayByServiceType() {
    SortedMap<LocalDate, Map<ServiceType, Long>> days = new TreeMap<>();
    for (LocalDate day : range.dayList()) {
      Map<ServiceType, Long> row = new EnumMap<>(ServiceType.class);
      for (ServiceType type : ServiceType.values()) {
        row.put(type, 0L);
      }
      days.put(day, row);
    }
    for (OrderCount c : counts) {
      days.get(c.day()).merge(c.serviceType(), c.orders(), Long::sum);
    }
    return days;
  }

  /** Every day of the range with its orders per status they are in now, zeros included. */
  public SortedMap<LocalDate, Map<OrderStatus, Long>> perDayByStatus() {
    SortedMap<LocalDate, Map<OrderStatus, Long>> days = new TreeMap<>();
    for (LocalDate day : range.dayList()) {
      Map<OrderStatus, Long> row = new EnumMap<>(OrderStatus.class);
      for (OrderStatus status : SUBMITTED_STATUSES) {
        row.put(status, 0L);
      }
      days.put(day, row);
    }
    for (OrderCount c : counts) {
      days.get(c.day()).merge(c.status(), c.orders(), Long::sum);
    }
    return days;
  }

  /** The orders of the range waiting now, per {@link #WAITING stage}, zeros included. */
  public Map<OrderStatus, Long> waiting() {
    Map<OrderStatus, Long> waiting = new LinkedHashMap<>();
    for (OrderStatus stage : WAITING) {
      waiting.put(stage, 0L);
    }
    for (OrderCount c : counts) {
      waiting.computeIfPresent(c.status(), (stage, n) -> n + c.orders());
    }
    return waiting;
  }

  /** All orders submitted in the range. */
  public long total() {
    return counts.stream().mapToLong(OrderCount::orders).sum();
  }
}
