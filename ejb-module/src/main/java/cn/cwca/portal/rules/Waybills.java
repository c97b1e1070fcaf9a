package cn.cwca.portal.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 顺丰速运 waybill numbers (运单号) as the operators type them from the label: {@code SF} and 13 digits,
 * or 12 digits (the older labels). Trimmed and upper-cased, so that {@code sf1234567890123} is
 * accepted as {@code SF1234567890123}.
 */
public final class Waybills {

  private static final Pattern VALID = Pattern.compile("^(SF\\d{13}|\\d{12})$");

  private Waybills() {}

  /** Trims and upper-cases the value; {@code null} stays {@code null}. */
  public static String normalize(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  /** Whether the normalised value is {@code SF} and 13 digits, or 12 digits. */
  public static boolean isValid(String value) {
    String number = normalize(value);
    return number != null && VALID.matcher(number).matches();
  }
}
