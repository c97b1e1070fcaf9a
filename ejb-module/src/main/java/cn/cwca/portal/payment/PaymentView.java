package cn.cwca.portal.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A payment as the 扫码支付 step shows it: the QR code's content (or, for 对公转账, the CA's account and
 * the reference to write with the transfer), the amount and until when (UTC) it may be paid.
 */
public record PaymentView(
    String publicId,
    PaymentChannel channel,
    String outTradeNo,
    BigDecimal amount,
    String qrContent,
    LocalDateTime expiresAt,
    Payment.State state,
    BankTransferAccount bankAccount)
    implements Serializable {

  static PaymentView of(String publicId, Payment p) {
    return new PaymentView(
        publicId,
        p.getChannel(),
        p.getOutTradeNo(),
        p.getAmount(),
        p.getQrContent(),
        p.getExpiresAt(),
        p.getState(),
        p.getChannel() == PaymentChannel.BANK_TRANSFER
            ? BankTransferAccount.configured().orElse(null)
            : null);
  }

  /** Whether it may still be paid at {@code now} (UTC). */
  public boolean isPayableAt(LocalDateTime now) {
    return state == Payment.State.OPEN && now.isBefore(expiresAt);
  }

  /** The sandbox's: no money moves (the page says so). */
  public boolean isSandbox() {
    return channel == PaymentChannel.SANDBOX;
  }

  /** 对公转账: no QR code; the finance staff confirm it. */
  public boolean isBankTransfer() {
    return channel == PaymentChannel.BANK_TRANSFER;
  }
}
