package cn.cwca.portal.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies account passwords with PBKDF2-HMAC-SHA256 (210 000 iterations, the OWASP 2023
 * recommendation, 16-byte random salt). Stored form: {@code PBKDF2-SHA256:<iterations>:<base64
 * salt>:<base64 hash>}; verification reads the iteration count from the stored value, so the count
 * can be raised later without breaking old hashes. Plain Java so that the run launcher can create
 * the first administrator.
 */
public final class PasswordHasher {

  /** Prefix of every stored hash. */
  public static final String SCHEME = "PBKDF2-SHA256";

  /** Iterations of new hashes. */
  public static final int ITERATIONS = 210_000;

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** A new salted hash of the password in the stored form. */
  public static String hash(char[] password) {
    if (password == null) {
      throw new IllegalArgumentException("password is null");
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, ITERATIONS);
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME
        + ":"
        + ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(hash);
  }

  /**
   * Whether the password matches the stored hash; {@code false} for a {@code null} password and for
   * a stored value that is missing or not in the stored form. Compares in constant time.
   */
  public static boolean verify(char[] password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split(":");
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      if (iterations < 1 || salt.length == 0 || expected.length == 0) {
        return false;
      }
      return MessageDigest.isEqual(
          expected, pbkdf2(password, salt, iterations, expected.length * 8));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    return pbkdf2(password, salt, iterations, HASH_BITS);
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bits) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Overwrites a password copy once it is no longer needed. */
  static void wipe(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }
}
