package cn.cwca.portal.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A payment as the finance desk lists it (对公转账 to confirm, the refund queue). Times UTC. */
public record StaffPaymentRow(
    String publicId,
    String outTradeNo,
    PaymentChannel channel,
    BigDecimal amount,
    BigDecimal paidAmount,
    LocalDateTime createdAt,
    LocalDateTime expiresAt,
    LocalDateTime paidAt,
    String transactionId,
    String reason)
    implements Serializable {

  static StaffPaymentRow of(Payment p, String publicId) {
    return new StaffPaymentRow(
        publicId,
        p.getOutTradeNo(),
        p.getChannel(),
        p.getAmount(),
        p.getPaidAmount(),
        p.getCreatedAt(),
        p.getExpiresAt(),
        p.getPaidAt(),
        p.getProviderTransactionId(),
        p.getRefundReason());
  }
}
