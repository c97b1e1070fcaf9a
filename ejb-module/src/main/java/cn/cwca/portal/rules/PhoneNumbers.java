package cn.cwca.portal.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers a buyer gives for an invoice (购买方电话): a mainland mobile number ({@link
 * MobileNumbers}) or a landline with its area code, e.g. {@code 0635-8888888}, {@code
 * 010-12345678}, {@code (0635)8888888}, with an optional extension ({@code 0635-8888888-123},
 * {@code 0635-8888888转123}). Area codes follow the national plan: {@code 010} and {@code 02x} have
 * three digits, every other one ({@code 03xx} to {@code 09xx}) four; the local number has seven or
 * eight digits and does not start with 0. Stored as {@code 0635-8888888} or {@code
 * 0635-8888888-123}, a mobile number as its 11 digits.
 */
public final class PhoneNumbers {

  /** Longest stored form: 4-digit area code, 8-digit number, 6-digit extension, two hyphens. */
  public static final int MAX_LENGTH = 20;

  private static final String AREA = "(010|02\\d|0[3-9]\\d{2})";
  private static final String LOCAL = "([1-9]\\d{6,7})";
  private static final String EXTENSION = "(?:(?:-?(?:转|#|ext\\.?|x)-?|-)(\\d{1,6}))?";

  /** {@code (0635)8888888}, {@code 0635-8888888} or {@code 06358888888}, each with an extension. */
  private static final Pattern LANDLINE =
      Pattern.compile(
          "^(?:\\(" + AREA + "\\)-?|" + AREA + "-?)" + LOCAL + EXTENSION + "$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

  private PhoneNumbers() {}

  /**
   * The stored form: a mobile number without separators or country code, a landline as {@code
   * area-number[-extension]}; any other value stripped, as it came. {@code null} stays {@code
   * null}.
   */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    if (MobileNumbers.isValid(value)) {
      return MobileNumbers.normalize(value);
    }
    Matcher landline = landline(value);
    if (landline == null) {
      return value.strip();
    }
    String area = landline.group(1) != null ? landline.group(1) : landline.group(2);
    String extension = landline.group(4);
    return area + "-" + landline.group(3) + (extension == null ? "" : "-" + extension);
  }

  /** Whether the value is a mainland mobile number or a landline with its area code. */
  public static boolean isValid(String value) {
    return value != null && (MobileNumbers.isValid(value) || landline(value) != null);
  }

  /** The parts of a landline (full-width brackets and hyphens accepted), or {@code null}. */
  private static Matcher landline(String value) {
    String compact =
        SPACES
            .matcher(
                value
                    .strip()
                    .replace('（', '(')
                    .replace('）', ')')
                    .replace('－', '-')
                    .replace('—', '-'))
            .replaceAll("-")
            .replaceAll("-{2,}", "-");
    Matcher m = LANDLINE.matcher(compact);
    return m.matches() ? m : null;
  }
}
