package cn.cwca.portal.account;

import cn.cwca.portal.rules.PasswordPolicy;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Passwords an administrator hands to a staff member (a new account, a reset): random, readable
 * aloud or from a screen without confusing look-alike characters ({@code 0 O o 1 l I}), and always
 * valid under {@link PasswordPolicy}, so that the owner can log in with it and must then choose
 * their own. Never logged nor audited.
 */
public final class OneTimePasswords {

  /** Length of a one-time password: 12 of 56 characters, about 69 bits. */
  public static final int LENGTH = 12;

  static final String DIGITS = "23456789";
  static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final String ALPHABET = DIGITS + LOWER + UPPER;

  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimePasswords() {}

  /** A new one-time password from a {@link SecureRandom}. */
  public static char[] generate() {
    return generate(RANDOM);
  }

  /** A new one-time password: at least one digit, one lower-case and one upper-case letter. */
  static char[] generate(RandomGenerator random) {
    char[] password = new char[LENGTH];
    do {
      for (int i = 0; i < LENGTH; i++) {
        password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
    } while (!PasswordPolicy.isValid(new String(password)));
    return password;
  }
}
