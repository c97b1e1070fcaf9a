package cn.cwca.portal.payment.alipay;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Alipay's amounts: yuan with at most two decimals, as text; the portal counts in fen. */
final class Yuan {

  // Alipay writes amounts as plain decimals ("0.01", "12", "12.5"); anything else is not an amount.
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

  private Yuan() {}

  /** The amount as Alipay expects it: yuan with two decimals ({@code 1} fen is {@code "0.01"}). */
  static String fromFen(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /**
   * The amount in fen, exactly.
   *
   * @throws IllegalArgumentException when the text is not an amount of yuan with at most two
   *     decimals
   */
  static long toFen(String yuan) {
    if (yuan == null || !AMOUNT.matcher(yuan).matches()) {
      throw new IllegalArgumentException("not an amount of yuan: " + yuan);
    }
    return new BigDecimal(yuan).movePointRight(2).longValueExact();
  }
}
