package cn.cwca.portal.catalogue;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price the server charges for an application, in yuan, itemised as the 信息确认 step of 立即支付 shows
 * it: the certificate, and the USB key where a new key is sent. Computed from the price table,
 * never taken from the page.
 *
 * @param amount in all
 * @param keyAmount the part for the USB key (0 when no new key is paid for)
 */
public record PriceQuote(BigDecimal amount, BigDecimal keyAmount) implements Serializable {

  public PriceQuote {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(keyAmount, "keyAmount");
    if (amount.signum() < 0 || keyAmount.signum() < 0) {
      throw new IllegalArgumentException("a price is never negative: " + amount + ", " + keyAmount);
    }
    if (keyAmount.compareTo(amount) > 0) {
      throw new IllegalArgumentException("the key costs more than the whole: " + keyAmount);
    }
  }

  /** A price without a key part. */
  public PriceQuote(BigDecimal amount) {
    this(amount, BigDecimal.ZERO);
  }

  /** A price with its key part. */
  public static PriceQuote itemised(BigDecimal amount, BigDecimal keyAmount) {
    return new PriceQuote(amount, keyAmount);
  }

  /** The part for the certificate: the whole less the key. */
  public BigDecimal certificateAmount() {
    return amount.subtract(keyAmount);
  }

  /** Free: the order counts as paid as soon as it is submitted. */
  public boolean isFree() {
    return amount.signum() == 0;
  }

  /** The amount in fen (分), as the payment providers count. */
  public long amountFen() {
    return amount.movePointRight(2).longValueExact();
  }
}
