package cn.cwca.portal.progress;

import cn.cwca.portal.application.OrderStatus;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sort order of 进度查询; ties are broken newest first. 审核状态 and 支付状态 are derived from the order's
 * status, so they sort by what the grid shows, not by the status's name.
 */
public record ProgressSort(Field field, boolean ascending) implements Serializable {

  /** The sortable columns. */
  public enum Field {
    /** 申请时间. */
    SUBMITTED_AT("a.submittedAt"),
    /** 业务类型. */
    SERVICE_TYPE("a.serviceType"),
    /** 审核状态. */
    REVIEW_STATUS(shown(s -> s.reviewStatus() == null ? -1 : s.reviewStatus().ordinal())),
    /** 支付状态. */
    PAYMENT_STATUS(shown(s -> s.paymentStatus().ordinal()));

    private final String path;

    Field(String path) {
      this.path = path;
    }

    /** The JPQL expression of the column; constants only, never the client's text. */
    String path() {
      return path;
    }
  }

  public ProgressSort {
    Objects.requireNonNull(field, "field");
  }

  /** The default: newest first. */
  public static ProgressSort newestFirst() {
    return new ProgressSort(Field.SUBMITTED_AT, false);
  }

  /** The JPQL ORDER BY clause. */
  String orderBy() {
    String direction = ascending ? " ASC" : " DESC";
    String clause = " ORDER BY " + field.path() + direction;
    return field == Field.SUBMITTED_AT
        ? clause + ", a.id" + direction
        : clause + ", a.submittedAt DESC, a.id DESC";
  }

  /** A CASE expression giving each order status the rank of the column value it shows as. */
  private static String shown(Function<OrderStatus, Integer> rank) {
    return Arrays.stream(OrderStatus.values())
        .collect(Collectors.groupingBy(rank, java.util.TreeMap::new, Collectors.toList()))
        .entrySet()
        .stream()
        .map(
            e ->
                " WHEN a.status IN ("
                    + e.getValue().stream()
                        .map(s -> "cn.cwca.portal.application.OrderStatus." + s.name())
                        .collect(Collectors.joining(", "))
                    + ") THEN "
                    + e.getKey())
        .collect(Collectors.joining("", "CASE", " END"));
  }
}
