package cn.cwca.portal.catalogue;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price the server charges for an application, in yuan; computed from the price table, never
 * taken from the page.
 */
public record PriceQuote(BigDecimal amount) implements Serializable {

  public PriceQuote {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("a price is never negative: " + amount);
    }
  }

  /** Free: the order counts as paid as soon as it is submitted. */
  public boolean isFree() {
    return amount.signum() == 0;
  }
}
