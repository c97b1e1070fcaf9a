package cn.cwca.portal.rules;

/**
 * Names of people and organisations (姓名, 机构名称, 法定代表人, 经办人, 收货人, 取证人): 2 to 50 characters after
 * stripping, made only of what a real name has: Chinese characters and other letters, digits,
 * spaces, the middle dot of transcribed names ({@code ·}), parentheses of both widths, {@code &},
 * {@code -} and {@code .}.
 *
 * <p>A name becomes the subject of a certificate (CN, and O for an organisation) and is shown on
 * the staff's pages, so nothing else gets in: no control or invisible characters, no {@code #}
 * (which starts hex-encoded DER in an RFC 4514 string), no {@code , + = ; " \ < >} (the separators
 * and quotes of distinguished names and markup), no quotes, slashes or other punctuation.
 */
public final class Names {

  /** Shortest and longest name, in characters (code points). */
  public static final int MIN_LENGTH = 2;

  public static final int MAX_LENGTH = 50;

  /** The punctuation a name may hold besides letters, digits and spaces. */
  private static final String PUNCTUATION = "·・()（）&-.";

  private Names() {}

  /** The stored form: without surrounding spaces; {@code null} stays {@code null}. */
  public static String normalize(String value) {
    return value == null ? null : value.strip();
  }

  /**
   * Whether the value, stripped, is a name: 2 to 50 characters, each a letter (any script, Chinese
   * included), a digit, a space or one of {@code · ・ ( ) （ ） & - .}.
   */
  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    String name = value.strip();
    int length = name.codePointCount(0, name.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return false;
    }
    return name.codePoints().allMatch(Names::allowed);
  }

  private static boolean allowed(int cp) {
    return Character.isLetter(cp)
        || Character.isDigit(cp)
        || cp == ' '
        || PUNCTUATION.indexOf(cp) >= 0;
  }
}
