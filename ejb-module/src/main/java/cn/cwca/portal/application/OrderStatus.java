package cn.cwca.portal.application;

/**
 * Where an order stands in its lifecycle ({@link OrderLifecycle}); labels {@code
 * orderStatus.<NAME>}. The progress grid shows two columns derived from it, in the manual's words:
 * {@link #reviewStatus() 审核状态} and {@link #paymentStatus() 支付状态} (user manual 4.2).
 */
public enum OrderStatus {
  /** 草稿: the wizard is not finished; never shown in the progress grid. */
  DRAFT(null, PaymentStatus.UNPAID),
  /** Submitted, waiting for payment (待审核, 待支付): 立即支付 and 取消申请 are offered. */
  AWAITING_PAYMENT(ReviewStatus.PENDING, PaymentStatus.UNPAID),
  /** Paid (or free), waiting for a reviewer (待审核, 已支付). */
  AWAITING_REVIEW(ReviewStatus.PENDING, PaymentStatus.PAID),
  /** Approved once, where the service type asks for a second approval by someone else. */
  AWAITING_SECOND_REVIEW(ReviewStatus.PENDING, PaymentStatus.PAID),
  /** 通过: the certificate may be made (by the applicant for 自助, at the office otherwise). */
  APPROVED(ReviewStatus.APPROVED, PaymentStatus.PAID),
  /** 驳回, with 审核意见: the applicant may correct the order and resubmit it without paying again. */
  REJECTED(ReviewStatus.REJECTED, PaymentStatus.PAID),
  /** The certificate is issued; it is being written to the key, or the key waits to leave. */
  CERTIFICATE_MADE(ReviewStatus.APPROVED, PaymentStatus.PAID),
  /** 邮寄: the key is with the courier, waiting for 签收. */
  SHIPPED(ReviewStatus.APPROVED, PaymentStatus.PAID),
  /** 未领取: a 自取 key waits at the counter. */
  AWAITING_PICKUP(ReviewStatus.AWAITING_PICKUP, PaymentStatus.PAID),
  /** 已完成. */
  COMPLETED(ReviewStatus.COMPLETED, PaymentStatus.PAID),
  /** 用户已取消, before payment. */
  CANCELLED(ReviewStatus.CANCELLED, PaymentStatus.UNPAID);

  private final ReviewStatus reviewStatus;
  private final PaymentStatus paymentStatus;

  OrderStatus(ReviewStatus reviewStatus, PaymentStatus paymentStatus) {
    this.reviewStatus = reviewStatus;
    this.paymentStatus = paymentStatus;
  }

  /** 审核状态 of the progress grid; {@code null} for a draft, which the grid never shows. */
  public ReviewStatus reviewStatus() {
    return reviewStatus;
  }

  /** 支付状态 of the progress grid. */
  public PaymentStatus paymentStatus() {
    return paymentStatus;
  }

  /** Label key in the messages bundle. */
  public String labelKey() {
    return "orderStatus." + name();
  }
}
