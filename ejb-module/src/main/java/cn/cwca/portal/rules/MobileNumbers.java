package cn.cwca.portal.rules;

import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers: 11 digits, {@code 1[3-9]} followed by nine digits (numbering plan
 * of the Ministry of Industry and Information Technology, country code +86 per ITU-T E.164);
 * ownership is proven by SMS elsewhere.
 */
public final class MobileNumbers {

  private static final Pattern VALID = Pattern.compile("^1[3-9]\\d{9}$");
  private static final Pattern ELEVEN_DIGITS_FROM_ONE = Pattern.compile("^1\\d{10}$");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000-]");
  private static final String[] COUNTRY_PREFIXES = {"+86", "0086", "86"};

  private MobileNumbers() {}

  /**
   * Removes spaces and hyphens, then a {@code +86}, {@code 0086} or {@code 86} prefix when what
   * remains is 11 digits starting with 1; returns {@code null} for {@code null}.
   */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    String compact = SEPARATORS.matcher(value).replaceAll("");
    for (String prefix : COUNTRY_PREFIXES) {
      if (compact.startsWith(prefix)) {
        String rest = compact.substring(prefix.length());
        if (ELEVEN_DIGITS_FROM_ONE.matcher(rest).matches()) {
          return rest;
        }
      }
    }
    return compact;
  }

  /** Whether the normalized value is a mainland mobile number ({@code ^1[3-9]\d{9}$}). */
  public static boolean isValid(String value) {
    String normalized = normalize(value);
    return normalized != null && VALID.matcher(normalized).matches();
  }
}
