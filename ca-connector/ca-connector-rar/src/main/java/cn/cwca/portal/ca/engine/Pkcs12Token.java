package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.KeyAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * CA keys in a password-protected PKCS#12 file, read and written with Bouncy Castle (the JDK's
 * PKCS#12 cannot load SM2 keys). New files are written with AES-256 (PBES2, PBKDF2) as OpenSSL 3
 * does, readable by {@code openssl pkcs12} and {@code keytool}. The file is replaced atomically and
 * readable by its owner only.
 */
final class Pkcs12Token implements CryptoToken {

  private final Path path;
  private final char[] password;
  private final KeyStore keyStore;
  private final boolean nativeCrypto;

  private Pkcs12Token(Path path, char[] password, KeyStore keyStore, boolean nativeCrypto) {
    this.path = path;
    this.password = password;
    this.keyStore = keyStore;
    this.nativeCrypto = nativeCrypto;
  }

  /**
   * Opens the file, or an empty key store if there is no file yet (it is written on store).
   *
   * @param nativeCrypto whether its RSA and ECDSA keys may sign through AWS-LC where it loads
   */
  static Pkcs12Token open(Path path, String password, boolean nativeCrypto) throws CaException {
    char[] secret = password.toCharArray();
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12-AES256-AES128", CryptoProviders.BC);
      if (Files.exists(path)) {
        try (InputStream in = Files.newInputStream(path)) {
          keyStore.load(in, secret);
        }
      } else {
        keyStore.load(null, null);
      }
      return new Pkcs12Token(path, secret, keyStore, nativeCrypto);
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException(
          "cannot open the CA keystore "
              + path
              + " (wrong keystorePassword, or not a PKCS#12 file): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public Optional<KeyEntry> find(String alias) throws CaException {
    try {
      if (!keyStore.isKeyEntry(alias)) {
        return Optional.empty();
      }
      PrivateKey key = (PrivateKey) keyStore.getKey(alias, password);
      Certificate[] chain = keyStore.getCertificateChain(alias);
      if (chain == null || chain.length == 0) {
        throw new CaException("the key " + alias + " in " + path + " has no certificate");
      }
      return Optional.of(new KeyEntry(key, CertificateConversions.holders(chain)));
    } catch (GeneralSecurityException e) {
      throw new CaException("cannot read the key " + alias + " from " + path, e);
    }
  }

  @Override
  public boolean contains(String alias) throws CaException {
    try {
      return keyStore.containsAlias(alias);
    } catch (GeneralSecurityException e) {
      throw new CaException("cannot read " + path, e);
    }
  }

  @Override
  public KeyPair generateKeyPair(KeyAlgorithm algorithm) throws CaException {
    try {
      KeyPairGenerator generator =
          KeyPairGenerator.getInstance(
              KeyAlgorithms.keyPairGeneratorAlgorithm(algorithm), generatorFor(algorithm));
      generator.initialize(KeyAlgorithms.keyPairParameters(algorithm), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new CaException("cannot generate a " + algorithm + " key pair", e);
    }
  }

  @Override
  public void store(String alias, PrivateKey privateKey, List<X509CertificateHolder> chain)
      throws CaException {
    try {
      keyStore.setKeyEntry(
          alias,
          privateKey,
          password,
          CertificateConversions.certificates(
              chain, CertificateFactory.getInstance("X.509", CryptoProviders.BC)));
      Path directory = path.toAbsolutePath().getParent();
      createPrivateDirectory(directory);
      Path temporary =
          Files.createTempFile(directory, ".ca-", ".p12.tmp", permissions("rw-------"));
      try (OutputStream out = Files.newOutputStream(temporary)) {
        keyStore.store(out, password);
      }
      Files.move(
          temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException("cannot write the CA keystore " + path, e);
    }
  }

  /**
   * Signers of the key with the fastest provider allowed ({@link CryptoProviders#forSoftwareKey}),
   * the key translated into that provider's own form once.
   */
  @Override
  public SignerPool signers(PrivateKey privateKey, KeyAlgorithm algorithm) throws CaException {
    PrivateKey key = privateKey;
    Provider provider = CryptoProviders.forSoftwareKey(algorithm, nativeCrypto);
    if (provider != CryptoProviders.BC) {
      try {
        key =
            (PrivateKey)
                KeyFactory.getInstance(KeyAlgorithms.keyPairGeneratorAlgorithm(algorithm), provider)
                    .translateKey(privateKey);
      } catch (GeneralSecurityException e) {
        throw new CaException("cannot use the " + algorithm + " CA key with " + provider, e);
      }
    }
    return new SignerPool(key, KeyAlgorithms.signatureAlgorithm(algorithm), provider);
  }

  @Override
  public String description() {
    return "PKCS#12 keystore " + path;
  }

  @Override
  public void close() {
    Arrays.fill(password, '\0');
  }

  /**
   * Keys are generated once, in the JDK (RSA) or Bouncy Castle (EC, SM2): the key store keeps them
   * in the providers' common encodings.
   */
  private static Provider generatorFor(KeyAlgorithm algorithm) {
    return KeyAlgorithms.isRsa(algorithm) ? CryptoProviders.SUN_RSA_SIGN : CryptoProviders.BC;
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, permissions("rwx------"));
    }
  }

  /** POSIX permissions where the file system has them (it has on the Linux servers we run on). */
  private static FileAttribute<?>[] permissions(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
