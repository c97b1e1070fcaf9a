package cn.cwca.keyagent.pkcs11;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable ids for sessions and generated keys. */
final class SessionIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionIds() {}

  static String newSessionId() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
  }

  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
