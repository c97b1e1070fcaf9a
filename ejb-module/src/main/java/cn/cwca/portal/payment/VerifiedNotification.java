package cn.cwca.portal.payment;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A notification whose signature the provider verified, read.
 *
 * @param notificationId the provider's id of this notification (WeChat's {@code id}, Alipay's
 *     {@code notify_id}), for the log
 * @param outTradeNo the portal's payment number
 * @param transactionId the provider's transaction number
 * @param merchantId whom it was paid to (WeChat's {@code mchid}; Alipay's {@code seller_id}), to
 *     compare with {@link PaymentProvider#merchantId()}
 * @param amountFen the amount paid
 * @param paid whether it says the payment succeeded (WeChat {@code SUCCESS}; Alipay {@code
 *     TRADE_SUCCESS} or {@code TRADE_FINISHED}); other states are taken and change nothing
 * @param paidAt when it was paid; {@code null} unless paid
 */
public record VerifiedNotification(
    String notificationId,
    String outTradeNo,
    String transactionId,
    String merchantId,
    long amountFen,
    boolean paid,
    OffsetDateTime paidAt) {

  public VerifiedNotification {
    Objects.requireNonNull(outTradeNo, "outTradeNo");
  }
}
