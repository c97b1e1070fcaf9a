package cn.cwca.portal.application;

import java.io.Serializable;
import java.util.Objects;

/** The sort order of 进度查询; ties are broken newest first. */
public record ProgressSort(Field field, boolean ascending) implements Serializable {

  /** The sortable columns. */
  public enum Field {
    /** 申请时间. */
    SUBMITTED_AT("a.submittedAt"),
    /** 业务类型. */
    SERVICE_TYPE("a.serviceType"),
    /** 审核状态. */
    REVIEW_STATUS("a.reviewStatus"),
    /** 支付状态. */
    PAYMENT_STATUS("a.paymentStatus");

    private final String path;

    Field(String path) {
      this.path = path;
    }

    /** The JPQL path of the column; constants only, never the client's text. */
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
}
