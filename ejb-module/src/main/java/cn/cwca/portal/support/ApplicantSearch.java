package cn.cwca.portal.support;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.rules.FieldRule;
import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What 查找申请人 looks for in the one text the administrator typed: a mobile number matches the bound
 * number exactly; a code of letters and digits (a resident ID, passport or credit code: the login
 * name) matches the login name exactly, upper case, or the name by prefix; anything else the name
 * (姓名 or 机构名称) by case-insensitive prefix. Exact keys and prefixes only, so that every search is
 * served by an index (pg_trgm, which would index substrings, is not available everywhere).
 *
 * @param mobile the normalised mobile number, or {@code null}
 * @param loginName the login name to match exactly, or {@code null}
 * @param namePattern the LIKE pattern of the lower-case name prefix, or {@code null}
 */
public record ApplicantSearch(String mobile, String loginName, String namePattern)
    implements Serializable {

  /** Longest text matched; a name prefix longer than any name cannot match anyway. */
  public static final int MAX_TEXT = 100;

  /** The escape character of the LIKE pattern. */
  static final char ESCAPE = '!';

  /** A login name of an applicant: letters and digits with at least one digit. */
  private static final Pattern CODE = Pattern.compile("(?=.*[0-9])[0-9A-Za-z]+");

  /**
   * The search for the typed text.
   *
   * @throws BusinessException {@code support.search.required} for a blank text; {@code
   *     support.search.tooLong} beyond {@value #MAX_TEXT} characters
   */
  public static ApplicantSearch of(String typed) {
    if (typed == null || typed.isBlank()) {
      throw new BusinessException("support.search.required");
    }
    String text = typed.strip();
    if (text.length() > MAX_TEXT) {
      throw new BusinessException("support.search.tooLong", MAX_TEXT);
    }
    if (FieldRule.MOBILE.accepts(text)) {
      return new ApplicantSearch(FieldRule.MOBILE.normalize(text), null, null);
    }
    String prefix = escaped(text.toLowerCase(Locale.ROOT)) + "%";
    if (CODE.matcher(text).matches()) {
      return new ApplicantSearch(null, text.toUpperCase(Locale.ROOT), prefix);
    }
    return new ApplicantSearch(null, null, prefix);
  }

  /** Whether it matches the mobile number only. */
  public boolean byMobile() {
    return mobile != null;
  }

  /** The text with the LIKE wildcards and the escape character escaped. */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '%' || c == '_' || c == ESCAPE) {
        out.append(ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }
}
