package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.KeyAlgorithm;
import java.nio.file.Path;

/** CAs with their keys in a PKCS#12 file of a test's temporary folder. */
final class TestCa {

  static final String PASSWORD = "Test-keystore-password-1";

  private TestCa() {}

  /** A connection factory configured for a PKCS#12 CA of the given algorithm in the folder. */
  static CaManagedConnectionFactory factory(Path folder, KeyAlgorithm algorithm) {
    CaManagedConnectionFactory factory = new CaManagedConnectionFactory();
    factory.setKeystorePath(folder.resolve("ca.p12").toString());
    factory.setKeystorePassword(PASSWORD);
    factory.setCaKeyAlgorithm(algorithm.name());
    return factory;
  }

  /** Opens (creating on first use) the PKCS#12 CA in the folder. */
  static CertificateAuthority open(Path folder, KeyAlgorithm algorithm) throws Exception {
    return CertificateAuthority.open(factory(folder, algorithm).settings());
  }
}
