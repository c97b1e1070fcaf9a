package cn.cwca.portal.ca.engine;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bit generators for the CA's serial numbers and signatures: the JDK's DRBG (NIST SP
 * 800-90A, Hash_DRBG with SHA-256 by default) at 256 bits of security strength, each instance
 * seeded from the system's entropy. Unlike NativePRNG, whose instances all go through one lock of
 * the JVM, separate DRBG instances never wait for each other, which matters with many request
 * threads signing at once.
 */
final class Drbgs {

  private static final int STRENGTH = 256;

  private Drbgs() {}

  /** A generator of its own. */
  static SecureRandom create() {
    try {
      return SecureRandom.getInstance(
          "DRBG",
          DrbgParameters.instantiation(STRENGTH, DrbgParameters.Capability.RESEED_ONLY, null));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no DRBG", e);
    }
  }

  /**
   * A few generators that the calling threads share by their ids, so that concurrent callers seldom
   * wait for the same one (each is thread-safe).
   */
  static final class Striped {

    private static final int STRIPES = 16;

    private final SecureRandom[] stripes = new SecureRandom[STRIPES];

    Striped() {
      for (int i = 0; i < STRIPES; i++) {
        stripes[i] = create();
      }
    }

    void nextBytes(byte[] bytes) {
      stripes[(int) (Thread.currentThread().getId() & (STRIPES - 1))].nextBytes(bytes);
    }
  }
}
