package cn.cwca.portal.rules;

import java.util.regex.Pattern;

/**
 * 发票号码 of a 数电发票 (全面数字化的电子发票): exactly {@value #LENGTH} digits, as the tax platform prints them;
 * typed with spaces between groups or without. Stored without the spaces.
 */
public final class InvoiceNumbers {

  /** Digits of a 数电发票 number. */
  public static final int LENGTH = 20;

  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
  private static final Pattern VALID = Pattern.compile("^\\d{" + LENGTH + "}$");

  private InvoiceNumbers() {}

  /** Removes every space; {@code null} stays {@code null}. */
  public static String normalize(String value) {
    return value == null ? null : SPACES.matcher(value).replaceAll("");
  }

  /** Whether the normalised value is exactly 20 digits. */
  public static boolean isValid(String value) {
    String number = normalize(value);
    return number != null && VALID.matcher(number).matches();
  }
}
