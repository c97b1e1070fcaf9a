package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.KeyAlgorithm;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Where the CA keys live: a PKCS#12 file ({@link Pkcs12Token}) or an HSM through PKCS#11 ({@link
 * Pkcs11Token}). Keys are found by alias together with their certificate chain; new keys are made
 * inside the token, so that an HSM's private key never leaves it.
 */
interface CryptoToken extends AutoCloseable {

  /** The private key stored under an alias, with its certificate chain (its own first). */
  record KeyEntry(PrivateKey privateKey, List<X509CertificateHolder> chain) {}

  /** The key and chain under this alias, if there is one. */
  Optional<KeyEntry> find(String alias) throws CaException;

  /** Whether anything (a key or a certificate) is stored under this alias. */
  boolean contains(String alias) throws CaException;

  /** A new key pair made by the token; kept only once {@link #store stored} with its chain. */
  KeyPair generateKeyPair(KeyAlgorithm algorithm) throws CaException;

  /** Stores a private key under an alias with its certificate chain (its own first), durably. */
  void store(String alias, PrivateKey privateKey, List<X509CertificateHolder> chain)
      throws CaException;

  /** Signers for a private key of this token, through the provider that can use it. */
  SignerPool signers(PrivateKey privateKey, KeyAlgorithm algorithm) throws CaException;

  /** What the token is, for messages and logs: never a secret. */
  String description();

  /** Releases the token (logs out of an HSM); its keys are unusable afterwards. */
  @Override
  void close();
}
