package cn.cwca.portal.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses (购买方邮箱, where the tax platform sends the 数电发票): a local part of letters, digits
 * and {@code . _ % + -} (no leading, trailing or doubled dot), {@code @}, and a domain of at least
 * two labels whose last one is letters; at most {@value #MAX_LENGTH} characters. Stored stripped,
 * with the domain in lower case.
 */
public final class EmailAddresses {

  /** Longest address (the column's length). */
  public static final int MAX_LENGTH = 100;

  private static final Pattern VALID =
      Pattern.compile(
          "^[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

  private EmailAddresses() {}

  /** Strips the value and lower-cases its domain; {@code null} stays {@code null}. */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    String address = value.strip();
    int at = address.lastIndexOf('@');
    return at < 0
        ? address
        : address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /** Whether the normalised value is a well-formed address of at most 100 characters. */
  public static boolean isValid(String value) {
    String address = normalize(value);
    return address != null && address.length() <= MAX_LENGTH && VALID.matcher(address).matches();
  }
}
