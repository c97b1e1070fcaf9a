package cn.cwca.portal.application;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What 提交申请 answers, the same for a resent submission: the order and the message to show ({@value
 * #SUBMITTED}: 您已成功提交证书申请，请继续完成支付).
 */
public record SubmissionResult(
    String publicId,
    ReviewStatus reviewStatus,
    PaymentStatus paymentStatus,
    BigDecimal price,
    String messageKey)
    implements Serializable {

  /** Message key of a successful submission. */
  public static final String SUBMITTED = "application.submitted";

  static SubmissionResult of(CertificateApplication a) {
    return new SubmissionResult(
        a.getPublicId(), a.getReviewStatus(), a.getPaymentStatus(), a.getPrice(), SUBMITTED);
  }
}
