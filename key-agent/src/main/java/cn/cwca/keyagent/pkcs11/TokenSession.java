package cn.cwca.keyagent.pkcs11;

import java.io.ByteArrayInputStream;
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
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.security.auth.login.LoginException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * A PKCS#11 login to one token, opened with the PIN (which is not kept) and ended by logout or
 * idleness. Key pairs are generated on the token and signing happens on the token, through its
 * SunPKCS11 provider; operations of one session run one at a time.
 */
public final class TokenSession {

  /**
   * The alias prefix of a generated key waiting for its certificate; the rest of the alias is the
   * key id. Such entries are not listed and sign nothing.
   */
  public static final String PENDING_PREFIX = "pending-";

  /** A key id: 16 random bytes in lower-case hex. */
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{32}");

  /** The subject and issuer of the placeholder certificate of a waiting key. */
  private static final X500Name PLACEHOLDER_NAME = new X500Name("CN=pending");

  private static final Logger LOG = Logger.getLogger(TokenSession.class.getName());

  private final String id;
  private final Token token;
  private final AuthProvider provider;
  private final KeyStore keyStore;
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

  /**
   * The certificates on the token, those with their private key first; keys waiting for their
   * certificate ({@value #PENDING_PREFIX} entries) are not listed.
   */
  public synchronized List<StoredCertificate> certificates() {
    ensureOpen();
    try {
      List<StoredCertificate> certificates = new ArrayList<>();
      for (String alias : Collections.list(keyStore.aliases())) {
        if (!isPending(alias)
            && keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
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
   * Generates a key pair on the token and a PKCS#10 request signed by it. The key is kept on the
   * token at once as the entry {@value #PENDING_PREFIX}{@code <keyId>}, with a self-signed
   * placeholder certificate (PKCS#11 key stores list a private key only next to a certificate), so
   * that it outlives this session: the issued certificate can be installed later, in another
   * session, with or without the key id.
   *
   * @param subject the subject the request proposes (the CA decides the certificate's subject)
   */
  public synchronized GeneratedKey generateKey(KeyAlgorithm algorithm, X500Name subject) {
    ensureOpen();
    try {
      KeyPair pair = generator(algorithm).generateKeyPair();
      String keyId = HexFormat.of().formatHex(SessionIds.randomBytes(16));
      ContentSigner signer =
          new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
              .setProvider(provider)
              .build(pair.getPrivate());
      SubjectPublicKeyInfo publicKey =
          SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
      keyStore.setKeyEntry(
          PENDING_PREFIX + keyId,
          pair.getPrivate(),
          null,
          new Certificate[] {placeholder(publicKey, signer)});
      byte[] request =
          new PKCS10CertificationRequestBuilder(subject, publicKey).build(signer).getEncoded();
      LOG.info(
          () ->
              "Generated an "
                  + algorithm.apiName()
                  + " key pair on token "
                  + token.label()
                  + ", kept as "
                  + PENDING_PREFIX
                  + keyId);
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
   * Stores the certificate (with its chain, end entity first) with its private key on the token,
   * under {@code alias} (by default the serial number in hex). The key is the one generated under
   * {@code keyId} when that is given; otherwise the key entry, waiting or already certified, whose
   * certificate has the same public key. The waiting entry {@value #PENDING_PREFIX}{@code <keyId>}
   * becomes the certificate's entry (SunPKCS11 renames the key's entry and replaces the placeholder
   * when a chain is stored for a key it already holds). A certificate the token already holds with
   * its key is not stored again: the answer is the stored one, with {@code created} false.
   *
   * @throws TokenException KEY_NOT_FOUND when no such key is on the token, CERTIFICATE_MISMATCH
   *     when the key with this id is not the certificate's, ALIAS_IN_USE when another entry has the
   *     alias
   */
  public synchronized Installation installCertificate(
      Optional<String> keyId, List<X509Certificate> chain, Optional<String> alias) {
    ensureOpen();
    List<X509Certificate> certificates = jdkCertificates(chain);
    X509Certificate certificate = certificates.get(0);
    String name = alias.orElse(certificate.getSerialNumber().toString(16));
    if (isPending(name)) {
      throw new TokenException(
          TokenException.Reason.BAD_REQUEST,
          "An alias starting with "
              + PENDING_PREFIX
              + " is reserved for keys waiting on the token");
    }
    try {
      Optional<StoredCertificate> installed = installed(certificate);
      if (installed.isPresent()) {
        LOG.info(
            () ->
                "Certificate "
                    + installed.get().alias()
                    + " is already on token "
                    + token.label()
                    + " with its key");
        return new Installation(installed.get(), false);
      }
      String keyAlias =
          keyId.isPresent() ? pendingAlias(keyId.get(), certificate) : keyAlias(certificate);
      if (keyStore.containsAlias(name) && !name.equals(keyAlias)) {
        throw new TokenException(
            TokenException.Reason.ALIAS_IN_USE, "The token already holds an entry with this alias");
      }
      if (!(keyStore.getKey(keyAlias, null) instanceof PrivateKey key)) {
        throw new TokenException(
            TokenException.Reason.KEY_NOT_FOUND, "The token no longer holds the key");
      }
      keyStore.setKeyEntry(name, key, null, certificates.toArray(new Certificate[0]));
      if (isPending(keyAlias) && keyStore.containsAlias(keyAlias)) {
        // SunPKCS11 renames the entry of a key it holds. Were the key copied instead, the waiting
        // entry would stay, hidden; it is not deleted here, for deleting an entry destroys its key.
        LOG.warning(() -> "The waiting entry " + keyAlias + " is still on token " + token.label());
      }
      LOG.info(
          () ->
              "Installed certificate "
                  + name
                  + " (key "
                  + keyAlias
                  + ") on token "
                  + token.label());
      return new Installation(new StoredCertificate(name, certificate, true), true);
    } catch (GeneralSecurityException | ProviderException e) {
      throw tokenFailure("store the certificate", e);
    }
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
        if (!isPending(alias)
            && keyStore.isKeyEntry(alias)
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

  /** Logs out of the token; keys generated but not yet certified stay on it, waiting. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      provider.logout();
    } catch (LoginException | ProviderException e) {
      LOG.log(Level.WARNING, "Logout from token " + token.label() + " failed", e);
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }

  static boolean isPending(String alias) {
    return alias.startsWith(PENDING_PREFIX);
  }

  /**
   * The self-signed certificate a waiting key is stored with: the key signs it on the token, so it
   * is a well-formed chain for the key store, and it says nothing about anyone.
   */
  private static X509Certificate placeholder(SubjectPublicKeyInfo publicKey, ContentSigner signer)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    X509CertificateHolder holder =
        new X509v3CertificateBuilder(
                PLACEHOLDER_NAME,
                new BigInteger(1, SessionIds.randomBytes(8)).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(3650))),
                PLACEHOLDER_NAME,
                publicKey)
            .build(signer);
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    } catch (IOException e) {
      throw new CertificateException("The placeholder certificate cannot be encoded", e);
    }
  }

  /**
   * The key entry, not waiting, whose certificate is this one (same issuer, serial number and
   * public key).
   */
  private Optional<StoredCertificate> installed(X509Certificate wanted) throws KeyStoreException {
    for (String alias : Collections.list(keyStore.aliases())) {
      if (!isPending(alias)
          && keyStore.isKeyEntry(alias)
          && keyStore.getCertificate(alias) instanceof X509Certificate stored
          && stored.getSerialNumber().equals(wanted.getSerialNumber())
          && stored.getIssuerX500Principal().equals(wanted.getIssuerX500Principal())
          && samePublicKey(stored, wanted)) {
        return Optional.of(new StoredCertificate(alias, stored, true));
      }
    }
    return Optional.empty();
  }

  /** The waiting entry of the key with this id, which must be the certificate's key. */
  private String pendingAlias(String keyId, X509Certificate certificate) throws KeyStoreException {
    String alias = PENDING_PREFIX + keyId;
    if (!KEY_ID.matcher(keyId).matches()
        || !keyStore.isKeyEntry(alias)
        || !(keyStore.getCertificate(alias) instanceof X509Certificate placeholder)) {
      throw new TokenException(
          TokenException.Reason.KEY_NOT_FOUND, "No key with this id is waiting on the token");
    }
    if (!samePublicKey(placeholder, certificate)) {
      throw new TokenException(
          TokenException.Reason.CERTIFICATE_MISMATCH,
          "The certificate is not for the key with this id");
    }
    return alias;
  }

  /** The key entry, waiting ones first, whose certificate has the certificate's public key. */
  private String keyAlias(X509Certificate certificate) throws KeyStoreException {
    String found = null;
    for (String alias : Collections.list(keyStore.aliases())) {
      if (keyStore.isKeyEntry(alias)
          && keyStore.getCertificate(alias) instanceof X509Certificate stored
          && samePublicKey(stored, certificate)
          && (found == null || isPending(alias))) {
        found = alias;
      }
    }
    if (found == null) {
      throw new TokenException(
          TokenException.Reason.KEY_NOT_FOUND,
          "The token holds no private key for this certificate's public key");
    }
    return found;
  }

  private static boolean samePublicKey(X509Certificate a, X509Certificate b) {
    return Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
  }

  /**
   * The chain as the JDK's certificates, which SunPKCS11 compares with those it holds (it finds the
   * entry of a key it already holds by the public key of the chain's first certificate).
   */
  private static List<X509Certificate> jdkCertificates(List<X509Certificate> chain) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certificates = new ArrayList<>();
      for (X509Certificate certificate : chain) {
        certificates.add(
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(certificate.getEncoded())));
      }
      return certificates;
    } catch (CertificateException e) {
      throw new TokenException(
          TokenException.Reason.BAD_REQUEST, "A certificate of the chain cannot be read", e);
    }
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
