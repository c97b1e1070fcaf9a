package cn.cwca.portal.payment;

import java.time.OffsetDateTime;

/**
 * What the provider says of a payment when asked.
 *
 * @param transactionId the provider's transaction number; {@code null} unless paid
 * @param merchantId as in {@link VerifiedNotification#merchantId()}; {@code null} when not found
 * @param amountFen what was paid; 0 unless paid
 * @param paidAt {@code null} unless paid
 */
public record ProviderPaymentState(
    String outTradeNo,
    Status status,
    String transactionId,
    String merchantId,
    long amountFen,
    OffsetDateTime paidAt) {

  /** The provider's states, as the portal needs them. */
  public enum Status {
    /** Paid (WeChat SUCCESS; Alipay TRADE_SUCCESS or TRADE_FINISHED). */
    PAID,
    /** Created and not paid yet (WeChat NOTPAY, USERPAYING; Alipay WAIT_BUYER_PAY). */
    NOT_PAID,
    /**
     * Closed or revoked without payment (WeChat CLOSED, REVOKED, PAYERROR; Alipay TRADE_CLOSED).
     */
    CLOSED,
    /** Paid and refunded at the provider (WeChat REFUND). */
    REFUNDED,
    /** The provider does not know this payment (never created, or not yet). */
    NOT_FOUND
  }

  public static ProviderPaymentState notFound(String outTradeNo) {
    return new ProviderPaymentState(outTradeNo, Status.NOT_FOUND, null, null, 0, null);
  }
}
