package cn.cwca.portal.payment;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A payment the provider has created.
 *
 * @param qrContent what the QR code encodes (WeChat's {@code code_url}, Alipay's {@code qr_code})
 * @param expiresAt until when the provider accepts it
 */
public record QrPayment(String qrContent, OffsetDateTime expiresAt) {

  public QrPayment {
    Objects.requireNonNull(qrContent, "qrContent");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
