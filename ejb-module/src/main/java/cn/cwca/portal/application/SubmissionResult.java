package cn.cwca.portal.application;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What 提交申请 answers, the same for a resent submission: the order and the message to show. An order
 * with a price asks for payment ({@value #SUBMITTED}: 您已成功提交证书申请，请继续完成支付); a free one does not
 * ({@value #SUBMITTED_FREE}).
 */
public record SubmissionResult(
    String publicId, OrderStatus status, BigDecimal price, String messageKey)
    implements Serializable {

  /** Message key of a submitted order that waits for payment. */
  public static final String SUBMITTED = "application.submitted";

  /** Message key of a submitted free order, which counts as paid. */
  public static final String SUBMITTED_FREE = "application.submittedFree";

  static SubmissionResult of(CertificateApplication a) {
    return new SubmissionResult(
        a.getPublicId(),
        a.getStatus(),
        a.getPrice(),
        a.getPaymentStatus() == PaymentStatus.PAID ? SUBMITTED_FREE : SUBMITTED);
  }

  /** 审核状态 of the order. */
  public ReviewStatus reviewStatus() {
    return status.reviewStatus();
  }

  /** 支付状态 of the order. */
  public PaymentStatus paymentStatus() {
    return status.paymentStatus();
  }

  /** Whether 立即支付 follows. */
  public boolean awaitsPayment() {
    return status == OrderStatus.AWAITING_PAYMENT;
  }
}
