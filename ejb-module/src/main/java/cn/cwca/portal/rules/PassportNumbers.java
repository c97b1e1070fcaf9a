package cn.cwca.portal.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Passport numbers: 5 to 20 letters or digits after trimming and upper-casing (the machine-readable
 * document number of ICAO Doc 9303 is alphanumeric; the portal's manual asks for 5 or more
 * characters).
 */
public final class PassportNumbers {

  private static final Pattern VALID = Pattern.compile("^[A-Z0-9]{5,20}$");

  private PassportNumbers() {}

  /** Trims and upper-cases the value; returns {@code null} for {@code null}. */
  public static String normalize(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  /** Whether the normalized value matches {@code ^[A-Z0-9]{5,20}$}. */
  public static boolean isValid(String value) {
    String normalized = normalize(value);
    return normalized != null && VALID.matcher(normalized).matches();
  }
}
