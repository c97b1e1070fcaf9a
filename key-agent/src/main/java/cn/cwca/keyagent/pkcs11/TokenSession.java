package cn.cwca.keyagent.pkcs11;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.login.LoginException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * A PKCS#11 login to one token, opened with the PIN (which is not kept) and ended by logout or
 * idleness. Key pairs are generated on the token and signing happens on the token, through its
 * SunPKCS11 provider; operations of one session run one at a time.
 */
public final class TokenSession {

  private static final Logger LOG = Logger.getLogger(TokenSession.class.getName());

  private final String id;
  private final Token token;
  private final AuthProvider provider;
  private final KeyStore keyStore;
  private final Map<String, KeyPair> generatedKeys = new HashMap<>();
  private final Map<String, byte[]> generatedPublicKeys = new HashMap<>();
  private Instant lastUsed;
  private boolean closed;

  TokenSession(String id, Token token, AuthProvider provider, KeyStore keyStore, Instant now) {
    this.id = id;
    this.token = token;
    this.provider = provider;
    this.keyStore = keyStore;
    this.lastUsed = now;
  }

  public String id() {
    return id;
  }

  public Token token() {
    return token;
  }

  synchronized Instant lastUsed() {
    return lastUsed;
  }

  synchronized void touch(Instant now) {
    lastUsed = now;
  }

  /** The certificates on the token, those with their private key first. */
  public synchronized List<StoredCertificate> certificates() {
    ensureOpen();
    try {
      List<StoredCertificate> certificates = new ArrayList<>();
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
          certificates.add(new StoredCertificate(alias, certificate, keyStore.isKeyEntry(alias)));
        }
      }
      certificates.sort((a, b) -> Boolean.compare(b.hasPrivateKey(), a.hasPrivateKey()));
      return certificates;
    } catch (KeyStoreException | ProviderException e) {
      throw tokenFailure("list the certificates", e);
    }
  }

  /**
   * Generates a key pair on the token and a PKCS#10 request signed by it.
   *
   * @param subject the subject the request proposes (the CA decides the certificate's subject)
   */
  public synchronized GeneratedKey generateKey(KeyAlgorithm algorithm, X500Name subject) {
    ensureOpen();
    try {
      KeyPair pair = generator(algorithm).generateKeyPair();
      byte[] publicKey = pair.getPublic().getEncoded();
      byte[] request =
          new PKCS10CertificationRequestBuilder(
                  subject, SubjectPublicKeyInfo.getInstance(publicKey))
              .build(
                  new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
                      .setProvider(provider)
                      .build(pair.getPrivate()))
              .getEncoded();
      String keyId = HexFormat.of().formatHex(SessionIds.randomBytes(16));
      generatedKeys.put(keyId, pair);
      generatedPublicKeys.put(keyId, publicKey);
      LOG.info(() -> "Generated an " + algorithm.apiName() + " key pair on token " + token.label());
      return new GeneratedKey(keyId, algorithm, request);
    } catch (NoSuchAlgorithmException e) {
      throw new TokenException(
          TokenException.Reason.ALGORITHM_UNSUPPORTED,
          "This token cannot generate " + algorithm.apiName() + " keys",
          e);
    } catch (GeneralSecurityException
        | OperatorCreationException
        | IOException
        | ProviderException e) {
      throw tokenFailure("generate the key pair", e);
    }
  }

  /**
   * Stores the certificate (with its chain, end entity first) next to the key generated for it.
   *
   * @param alias the name to store it under; by default the serial number in hex
   */
  public synchronized StoredCertificate installCertificate(
      String keyId, List<X509Certificate> chain, Optional<String> alias) {
    ensureOpen();
    KeyPair pair = generatedKeys.get(keyId);
    if (pair == null) {
      throw new TokenException(
          TokenException.Reason.KEY_NOT_FOUND, "No key with this id was generated in this session");
    }
    X509Certificate certificate = chain.get(0);
    if (!Arrays.equals(certificate.getPublicKey().getEncoded(), generatedPublicKeys.get(keyId))) {
      throw new TokenException(
          TokenException.Reason.CERTIFICATE_MISMATCH,
          "The certificate is not for the key with this id");
    }
    String name = alias.orElse(certificate.getSerialNumber().toString(16));
    try {
      if (keyStore.containsAlias(name)) {
        throw new TokenException(
            TokenException.Reason.ALIAS_IN_USE, "The token already holds an entry with this alias");
      }
      keyStore.setKeyEntry(name, pair.getPrivate(), null, chain.toArray(new Certificate[0]));
    } catch (KeyStoreException | ProviderException e) {
      throw tokenFailure("store the certificate", e);
    }
    generatedKeys.remove(keyId);
    generatedPublicKeys.remove(keyId);
    LOG.info(() -> "Installed certificate " + name + " on token " + token.label());
    return new StoredCertificate(name, certificate, true);
  }

  /**
   * Signs the {@link ProofOfPossession} text for this origin and nonce with the private key of the
   * certificate with this serial number; nothing else is ever signed with a certificate's key.
   *
   * @throws IllegalArgumentException when the origin or nonce does not fit the text's format
   */
  public synchronized ProofSignature prove(BigInteger serialNumber, String origin, String nonce) {
    String text = ProofOfPossession.text(origin, nonce);
    ensureOpen();
    try {
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)
            && keyStore.getCertificate(alias) instanceof X509Certificate certificate
            && certificate.getSerialNumber().equals(serialNumber)
            && keyStore.getKey(alias, null) instanceof PrivateKey key) {
          String algorithm = signatureAlgorithm(key);
          Signature signature = Signature.getInstance(algorithm, provider);
          signature.initSign(key);
          signature.update(text.getBytes(StandardCharsets.UTF_8));
          return new ProofSignature(algorithm, signature.sign(), certificate, text);
        }
      }
    } catch (GeneralSecurityException | ProviderException e) {
      throw tokenFailure("sign", e);
    }
    throw new TokenException(
        TokenException.Reason.CERTIFICATE_NOT_FOUND,
        "No certificate with this serial number and a private key is on the token");
  }

  /** Logs out of the token; keys generated but not yet certified stay on it unnamed. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    generatedKeys.clear();
    generatedPublicKeys.clear();
    try {
      provider.logout();
    } catch (LoginException | ProviderException e) {
      LOG.log(Level.WARNING, "Logout from token " + token.label() + " failed", e);
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }

  private void ensureOpen() {
    if (closed) {
      throw new TokenException(TokenException.Reason.SESSION_UNKNOWN, "The session has ended");
    }
  }

  private KeyPairGenerator generator(KeyAlgorithm algorithm) throws GeneralSecurityException {
    switch (algorithm) {
      case RSA_2048 -> {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        return generator;
      }
      case EC_P256 -> {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator;
      }
      default -> throw new NoSuchAlgorithmException(algorithm.apiName());
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> KeyAlgorithm.RSA_2048.signatureAlgorithm();
      case "EC" -> KeyAlgorithm.EC_P256.signatureAlgorithm();
      default ->
          throw new TokenException(
              TokenException.Reason.ALGORITHM_UNSUPPORTED,
              "Cannot sign with a " + key.getAlgorithm() + " key through PKCS#11");
    };
  }

  private TokenException tokenFailure(String what, Exception e) {
    LOG.log(Level.WARNING, "Token " + token.label() + " could not " + what, e);
    return new TokenException(
        TokenException.Reason.TOKEN_FAILURE, "The token could not " + what + ": " + e, e);
  }
}
