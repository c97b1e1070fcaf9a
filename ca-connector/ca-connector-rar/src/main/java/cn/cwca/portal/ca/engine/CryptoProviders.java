package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.KeyAlgorithm;
import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers the engine uses for software keys and request checks, looked up once. None is
 * registered with {@link Security}: in an application server a global registration would outlive
 * the adapter's class loader and clash with other applications, so their instances are passed
 * explicitly.
 */
final class CryptoProviders {

  private static final Logger LOG = Logger.getLogger(CryptoProviders.class.getName());

  /** Bouncy Castle: ECDSA (much faster than SunEC), SM2/SM3, PKCS#12 with any key type. */
  static final Provider BC = new BouncyCastleProvider();

  /** The JDK's RSA: faster than Bouncy Castle's for RSA signatures. */
  static final Provider SUN_RSA_SIGN = required("SunRsaSign");

  /**
   * AWS-LC through the Amazon Corretto Crypto Provider, where its native library loads (Linux on
   * x86-64) and passes its self-tests: RSA and ECDSA several times faster than the JDK and Bouncy
   * Castle (it has no SM2). Empty elsewhere.
   */
  static final Optional<Provider> NATIVE = loadNative();

  private CryptoProviders() {}

  /**
   * The provider that signs with a software CA key: AWS-LC for RSA and ECDSA where it loaded and
   * {@code nativeAllowed}, otherwise the JDK for RSA and Bouncy Castle for ECDSA; Bouncy Castle for
   * SM2.
   */
  static Provider forSoftwareKey(KeyAlgorithm algorithm, boolean nativeAllowed) {
    if (algorithm != KeyAlgorithm.SM2 && nativeAllowed && NATIVE.isPresent()) {
      return NATIVE.get();
    }
    return KeyAlgorithms.isRsa(algorithm) ? SUN_RSA_SIGN : BC;
  }

  /** AWS-LC for checking RSA and ECDSA signatures, where it loaded and {@code nativeAllowed}. */
  static Optional<Provider> nativeVerifier(boolean nativeAllowed) {
    return nativeAllowed ? NATIVE : Optional.empty();
  }

  private static Optional<Provider> loadNative() {
    try {
      AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
      Throwable error = provider.getLoadingError();
      if (error != null) {
        LOG.info(
            () ->
                "Native crypto (AWS-LC) is not available here, the CA signs with the JDK and"
                    + " Bouncy Castle: "
                    + error);
        return Optional.empty();
      }
      provider.assertHealthy();
      LOG.info(
          () ->
              "Native crypto: Amazon Corretto Crypto Provider "
                  + provider.getVersionStr()
                  + " ("
                  + provider.getAwsLcVersionStr()
                  + ") for RSA and ECDSA");
      return Optional.of(provider);
    } catch (LinkageError | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Native crypto (AWS-LC) failed to load, the CA signs with the JDK and Bouncy Castle",
          e);
      return Optional.empty();
    }
  }

  private static Provider required(String name) {
    Provider provider = Security.getProvider(name);
    if (provider == null) {
      throw new IllegalStateException("the JDK provider " + name + " is missing");
    }
    return provider;
  }
}
