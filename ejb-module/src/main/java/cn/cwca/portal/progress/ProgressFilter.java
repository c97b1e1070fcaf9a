package cn.cwca.portal.progress;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.PaymentStatus;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BeijingDays;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of 进度查询, each what its column holds: 业务类型, 审核状态 and 支付状态 (as the grid shows them,
 * derived from the order's status), and a range of 申请时间 in Beijing days. {@code null} is no filter.
 *
 * @param submittedFrom the first day (Beijing time) of the range
 * @param submittedTo the last day (Beijing time) of the range, included
 */
public record ProgressFilter(
    ServiceType serviceType,
    ReviewStatus reviewStatus,
    PaymentStatus paymentStatus,
    LocalDate submittedFrom,
    LocalDate submittedTo)
    implements Serializable {

  /** No filter: every submitted order. */
  public static final ProgressFilter NONE = new ProgressFilter(null, null, null, null, null);

  /** Whether the range ends before it starts (nothing could match: the page says so instead). */
  public boolean isReversed() {
    return submittedFrom != null && submittedTo != null && submittedTo.isBefore(submittedFrom);
  }

  /**
   * The JPQL conditions on {@code a}, each starting with {@code AND}; the text depends only on
   * which filters are set, the values are {@link #parameters()}.
   */
  String where() {
    StringBuilder where = new StringBuilder();
    if (serviceType != null) {
      where.append(" AND a.serviceType = :serviceType");
    }
    if (reviewStatus != null) {
      where.append(" AND a.status IN :reviewStatuses");
    }
    if (paymentStatus != null) {
      where.append(" AND a.status IN :paymentStatuses");
    }
    if (submittedFrom != null) {
      where.append(" AND a.submittedAt >= :submittedFrom");
    }
    if (submittedTo != null) {
      where.append(" AND a.submittedAt < :submittedBefore");
    }
    return where.toString();
  }

  /** The values of {@link #where()}'s parameters, by name. */
  Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (serviceType != null) {
      parameters.put("serviceType", serviceType);
    }
    if (reviewStatus != null) {
      parameters.put("reviewStatuses", showingAs(reviewStatus));
    }
    if (paymentStatus != null) {
      parameters.put("paymentStatuses", showingAs(paymentStatus));
    }
    if (submittedFrom != null) {
      parameters.put("submittedFrom", BeijingDays.startUtc(submittedFrom));
    }
    if (submittedTo != null) {
      parameters.put("submittedBefore", BeijingDays.startUtc(submittedTo.plusDays(1)));
    }
    return parameters;
  }

  /** The order statuses the grid shows as this 审核状态. */
  static List<OrderStatus> showingAs(ReviewStatus shown) {
    return Arrays.stream(OrderStatus.values()).filter(s -> s.reviewStatus() == shown).toList();
  }

  /** The order statuses the grid shows as this 支付状态 (drafts are never listed). */
  static List<OrderStatus> showingAs(PaymentStatus shown) {
    return Arrays.stream(OrderStatus.values())
        .filter(s -> s != OrderStatus.DRAFT && s.paymentStatus() == shown)
        .toList();
  }
}
