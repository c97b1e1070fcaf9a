package cn.cwca.portal.ca.engine;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers the engine uses for software keys, looked up once. Bouncy Castle is never
 * registered with {@link Security}: in an application server a global registration would outlive
 * the adapter's class loader and clash with other applications, so its instance is passed
 * explicitly.
 */
final class CryptoProviders {

  /** Bouncy Castle: ECDSA (much faster than SunEC), SM2/SM3, PKCS#12 with any key type. */
  static final Provider BC = new BouncyCastleProvider();

  /** The JDK's RSA: faster than Bouncy Castle's for RSA signatures. */
  static final Provider SUN_RSA_SIGN = required("SunRsaSign");

  private CryptoProviders() {}

  private static Provider required(String name) {
    Provider provider = Security.getProvider(name);
    if (provider == null) {
      throw new IllegalStateException("the JDK provider " + name + " is missing");
    }
    return provider;
  }
}
