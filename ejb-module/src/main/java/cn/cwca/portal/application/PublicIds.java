package cn.cwca.portal.application;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifiers an application shows: the 申请ID (16 characters of the RFC 4648 base32 alphabet, 80
 * random bits, so that nobody can guess another applicant's) and the submission token (128 random
 * bits in hexadecimal).
 */
final class PublicIds {

  static final int LENGTH = 16;

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final Pattern SHAPE = Pattern.compile("[A-Z2-7]{" + LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private PublicIds() {}

  /** A new 申请ID. */
  static String newApplicationId() {
    char[] id = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      id[i] = BASE32[RANDOM.nextInt(BASE32.length)];
    }
    return new String(id);
  }

  /** A new submission token. */
  static String newSubmissionToken() {
    byte[] token = new byte[16];
    RANDOM.nextBytes(token);
    return HexFormat.of().formatHex(token);
  }

  /** The canonical form of a typed 申请ID (trimmed, upper case), or {@code null} if it is none. */
  static String normalize(String publicId) {
    if (publicId == null) {
      return null;
    }
    String id = publicId.strip().toUpperCase(Locale.ROOT);
    return SHAPE.matcher(id).matches() ? id : null;
  }
}
