package cn.cwca.portal.payment;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a provider is asked to collect.
 *
 * @param outTradeNo the portal's number of this payment (商户订单号), unique, 6 to 32 characters of
 *     letters and digits
 * @param description what the payer sees (商品描述)
 * @param amountFen the amount in fen, positive
 * @param expiresAt until when the QR code may be paid
 * @param notifyUrl where the provider sends its notification (https in production)
 */
public record PaymentOrder(
    String outTradeNo,
    String description,
    long amountFen,
    OffsetDateTime expiresAt,
    String notifyUrl) {

  public PaymentOrder {
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(notifyUrl, "notifyUrl");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("a payment is for a positive amount: " + amountFen);
    }
  }
}
