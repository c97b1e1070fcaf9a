package cn.cwca.portal.rules;

import java.util.regex.Pattern;

/**
 * 银行账号 of a buyer: digits only, at most {@value #MAX_LENGTH} (the longest account number of ISO
 * 13616), typed with spaces between groups or without. Stored without the spaces.
 */
public final class BankAccounts {

  /** Longest account number. */
  public static final int MAX_LENGTH = 34;

  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
  private static final Pattern VALID = Pattern.compile("^\\d{1," + MAX_LENGTH + "}$");

  private BankAccounts() {}

  /** Removes every space; {@code null} stays {@code null}. */
  public static String normalize(String value) {
    return value == null ? null : SPACES.matcher(value).replaceAll("");
  }

  /** Whether the normalised value is 1 to 34 digits. */
  public static boolean isValid(String value) {
    String account = normalize(value);
    return account != null && VALID.matcher(account).matches();
  }
}
