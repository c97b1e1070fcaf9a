package cn.cwca.portal.rules;

/**
 * Account password policy from the portal's user manual: at least one digit, one lower-case and one
 * upper-case ASCII letter, longer than 8 characters and at most 64 characters.
 */
public final class PasswordPolicy {

  /** Shortest accepted length ("longer than 8 characters"). */
  public static final int MIN_LENGTH = 9;

  /** Longest accepted length. */
  public static final int MAX_LENGTH = 64;

  private PasswordPolicy() {}

  /** Whether the password satisfies the policy; the value is checked as given, never trimmed. */
  public static boolean isValid(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      return false;
    }
    boolean digit = false;
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      }
    }
    return digit && lower && upper;
  }
}
