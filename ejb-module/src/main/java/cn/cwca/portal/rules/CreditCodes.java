package cn.cwca.portal.rules;

import java.util.Locale;

/**
 * Unified social credit codes (统一社会信用代码) of GB 32100-2015: 18 characters of the 31-character
 * charset {@code 0-9A-HJ-NPQRTUWXY}, positions 3 to 8 digits, and a MOD 31 check character.
 */
public final class CreditCodes {

  /** The code charset; a character's value is its index (0..30). */
  public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Length of a code. */
  public static final int LENGTH = 18;

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  /** Trims and upper-cases the value; returns {@code null} for {@code null}. */
  public static String normalize(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  /** Whether the normalized value is a well-formed code with a correct check character. */
  public static boolean isValid(String value) {
    String code = normalize(value);
    if (code == null || code.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (CHARSET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    for (int i = 2; i < 8; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return checkCharacter(code) == code.charAt(LENGTH - 1);
  }

  /**
   * Computes the check character of GB 32100-2015 from the first 17 characters of {@code code} (31
   * − (Σ cᵢ·Wᵢ mod 31), where 31 becomes 0).
   *
   * @throws IllegalArgumentException if there are fewer than 17 characters or one is outside the
   *     charset
   */
  public static char checkCharacter(CharSequence code) {
    if (code == null || code.length() < LENGTH - 1) {
      throw new IllegalArgumentException("17 characters are needed to compute the check character");
    }
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      int value = CHARSET.indexOf(code.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "Character outside the GB 32100 charset at position " + (i + 1));
      }
      sum += value * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return CHARSET.charAt(check == 31 ? 0 : check);
  }
}
