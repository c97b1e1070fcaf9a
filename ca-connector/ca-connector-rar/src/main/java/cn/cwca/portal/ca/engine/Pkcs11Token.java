package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.KeyAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * CA keys in an HSM, through the JDK's SunPKCS11 provider: keys are generated on the token as
 * sensitive and never extractable, and every signature is made by the token. The token is chosen by
 * slot id or by index in the slot list (SunPKCS11 cannot select a token by label); SM2 is not
 * available (SunPKCS11 has no SM2 mechanisms).
 */
final class Pkcs11Token implements CryptoToken {

  private static final Logger LOG = Logger.getLogger(Pkcs11Token.class.getName());

  /**
   * Private keys the provider generates: sensitive and never extractable (PKCS#11 v2.40 section
   * 4.9), so that not even an administrator with the PIN can read them out, and for signing only.
   */
  private static final String PRIVATE_KEY_TEMPLATE =
      """
      attributes(generate, CKO_PRIVATE_KEY, *) = {
        CKA_PRIVATE = true
        CKA_SENSITIVE = true
        CKA_EXTRACTABLE = false
        CKA_DECRYPT = false
        CKA_UNWRAP = false
      }
      """;

  private final Provider provider;
  private final KeyStore keyStore;
  private final String description;

  private Pkcs11Token(Provider provider, KeyStore keyStore, String description) {
    this.provider = provider;
    this.keyStore = keyStore;
    this.description = description;
  }

  /**
   * Logs in to the token in the given slot.
   *
   * @param slot the PKCS#11 slot id, or null to use {@code slotListIndex}
   * @param slotListIndex the index of the slot in the library's slot list
   */
  static Pkcs11Token open(Path library, Long slot, int slotListIndex, String pin)
      throws CaException {
    String where = slot != null ? "slot = " + slot : "slotListIndex = " + slotListIndex;
    String description = "PKCS#11 token (" + where + ") of " + library;
    if (!Files.isReadable(library)) {
      throw new CaException("the PKCS#11 library " + library + " is not there");
    }
    Provider provider;
    try {
      String config =
          "--name = CaPortal\nlibrary = \""
              + library
              + "\"\n"
              + where
              + "\n"
              + PRIVATE_KEY_TEMPLATE;
      provider = Security.getProvider("SunPKCS11").configure(config);
    } catch (ProviderException | IllegalArgumentException e) {
      throw new CaException("cannot use the " + description + ": " + rootMessage(e), e);
    }
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
      keyStore.load(null, pin.toCharArray());
      return new Pkcs11Token(provider, keyStore, description);
    } catch (IOException | GeneralSecurityException | ProviderException e) {
      throw new CaException("cannot log in to the " + description + ": " + rootMessage(e), e);
    }
  }

  @Override
  public Optional<KeyEntry> find(String alias) throws CaException {
    try {
      if (!keyStore.isKeyEntry(alias)) {
        return Optional.empty();
      }
      PrivateKey key = (PrivateKey) keyStore.getKey(alias, null);
      Certificate[] chain = keyStore.getCertificateChain(alias);
      if (chain == null || chain.length == 0) {
        throw new CaException(
            "the key " + alias + " on the " + description + " has no certificate");
      }
      return Optional.of(new KeyEntry(key, CertificateConversions.holders(chain)));
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CaException("cannot read the key " + alias + " from the " + description, e);
    }
  }

  @Override
  public boolean contains(String alias) throws CaException {
    try {
      return keyStore.containsAlias(alias);
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CaException("cannot read the " + description, e);
    }
  }

  @Override
  public KeyPair generateKeyPair(KeyAlgorithm algorithm) throws CaException {
    if (algorithm == KeyAlgorithm.SM2) {
      throw new CaException(
          "SM2 CA keys need the PKCS12 token type: the JDK's PKCS#11 provider has no SM2");
    }
    try {
      KeyPairGenerator generator =
          KeyPairGenerator.getInstance(
              KeyAlgorithms.keyPairGeneratorAlgorithm(algorithm), provider);
      generator.initialize(KeyAlgorithms.keyPairParameters(algorithm));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CaException(
          "the " + description + " cannot generate a " + algorithm + " key pair", e);
    }
  }

  @Override
  public void store(String alias, PrivateKey privateKey, List<X509CertificateHolder> chain)
      throws CaException {
    try {
      keyStore.setKeyEntry(
          alias,
          privateKey,
          null,
          CertificateConversions.certificates(chain, CertificateFactory.getInstance("X.509")));
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CaException("cannot store " + alias + " on the " + description, e);
    }
  }

  @Override
  public SignerPool signers(PrivateKey privateKey, KeyAlgorithm algorithm) throws CaException {
    return new SignerPool(privateKey, KeyAlgorithms.signatureAlgorithm(algorithm), provider);
  }

  @Override
  public String description() {
    return description;
  }

  /**
   * Does not log out. A PKCS#11 login belongs to the whole process, not to this provider instance:
   * logging out here would also log out another application (or the next deployment of this one,
   * which may start before this one stops) using the same token in the server, and its next
   * signature would fail. The login ends with the server process.
   */
  @Override
  public void close() {
    LOG.fine(() -> "Closed the " + description + " (the server stays logged in to the token)");
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
  }
}
