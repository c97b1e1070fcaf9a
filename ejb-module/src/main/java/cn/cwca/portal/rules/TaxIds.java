package cn.cwca.portal.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 纳税人识别号 of a buyer that is not an organisation with a unified social credit code (a natural
 * person's ID number, an old 15- or 20-character taxpayer number): letters and digits, at most
 * {@value #MAX_LENGTH}. An organisation's is checked as a credit code ({@link CreditCodes}). Stored
 * stripped and upper-cased.
 */
public final class TaxIds {

  /** Longest taxpayer number. */
  public static final int MAX_LENGTH = 20;

  private static final Pattern VALID = Pattern.compile("^[A-Z0-9]{1," + MAX_LENGTH + "}$");

  private TaxIds() {}

  /** Strips and upper-cases the value; {@code null} stays {@code null}. */
  public static String normalize(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  /** Whether the normalised value is 1 to 20 letters and digits. */
  public static boolean isValid(String value) {
    String id = normalize(value);
    return id != null && VALID.matcher(id).matches();
  }
}
