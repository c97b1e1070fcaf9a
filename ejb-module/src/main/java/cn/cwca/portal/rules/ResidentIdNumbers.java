package cn.cwca.portal.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * 18-character citizen identification numbers of GB 11643-1999 (居民身份证号码): address code, birth date
 * {@code YYYYMMDD}, sequence code and an ISO 7064 MOD 11-2 check character; 15-digit numbers are
 * refused.
 */
public final class ResidentIdNumbers {

  /** Length of a number. */
  public static final int LENGTH = 18;

  /** Time zone used to decide whether a birth date lies in the future. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * Address codes of the residence permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证),
   * accepted even though 830000 is no administrative division code.
   */
  public static final Set<String> RESIDENCE_PERMIT_ADDRESS_CODES =
      Set.of("810000", "820000", "830000");

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  private ResidentIdNumbers() {}

  /**
   * Trims and upper-cases the value (a trailing {@code x} becomes {@code X}); returns {@code null}
   * for null.
   */
  public static String normalize(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * Whether the normalized value is a valid number, judging the birth date against today in {@link
   * #ZONE}.
   */
  public static boolean isValid(String value) {
    return isValid(value, LocalDate.now(ZONE));
  }

  /**
   * Whether the normalized value is a valid number: 17 digits and a correct check character, a real
   * birth date not after {@code today}, and an address code ever used in GB/T 2260 or of a Hong
   * Kong, Macao or Taiwan permit.
   */
  public static boolean isValid(String value, LocalDate today) {
    String id = normalize(value);
    if (id == null || id.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH - 1; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (checkCharacter(id) != id.charAt(LENGTH - 1)) {
      return false;
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    if (birth.isAfter(today)) {
      return false;
    }
    String addressCode = id.substring(0, 6);
    return RESIDENCE_PERMIT_ADDRESS_CODES.contains(addressCode)
        || AdministrativeDivisions.get().everUsed(addressCode);
  }

  /**
   * Computes the GB 11643-1999 check character from the first 17 digits of {@code number} ({@code
   * "10X98765432"[Σ aᵢ·Wᵢ mod 11]}).
   *
   * @throws IllegalArgumentException if there are fewer than 17 characters or one of them is not a
   *     digit
   */
  public static char checkCharacter(CharSequence number) {
    if (number == null || number.length() < LENGTH - 1) {
      throw new IllegalArgumentException("17 digits are needed to compute the check character");
    }
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("Not a digit at position " + (i + 1));
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }
}
