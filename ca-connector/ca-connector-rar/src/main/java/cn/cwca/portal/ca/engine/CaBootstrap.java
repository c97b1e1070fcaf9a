package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RequestRefusedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Finds the issuing CA on the crypto token, or creates a root CA and an issuing CA there on first
 * start. The token holds the issuing CA key under the alias {@value #ISSUING_ALIAS} with its chain
 * (issuing CA, root); a created root CA key is kept under {@value #ROOT_ALIAS} and is never used
 * afterwards, so it can be moved offline. An imported CA needs only the issuing entry.
 *
 * <p>After a rollover the token may also hold the keys of earlier issuing CAs, under {@value
 * #PREVIOUS_ALIAS_PREFIX}1, {@value #PREVIOUS_ALIAS_PREFIX}2 and so on without gaps ({@link
 * #loadPrevious}): they issue nothing, but sign the CRLs and OCSP answers of their certificates.
 */
final class CaBootstrap {

  static final String ISSUING_ALIAS = "issuing-ca";
  static final String ROOT_ALIAS = "root-ca";
  static final String PREVIOUS_ALIAS_PREFIX = "issuing-ca-previous-";

  private static final Logger LOG = Logger.getLogger(CaBootstrap.class.getName());
  private static final byte[] PROBE = "CA key check".getBytes(StandardCharsets.US_ASCII);

  private final CryptoToken token;
  private final CaSettings settings;
  private final SerialNumbers serials;

  CaBootstrap(CryptoToken token, CaSettings settings, SerialNumbers serials) {
    this.token = token;
    this.settings = settings;
    this.serials = serials;
  }

  /** The issuing CA on the token, created first if the token holds no CA at all. */
  IssuingCa loadOrCreate() throws CaException {
    Optional<CryptoToken.KeyEntry> entry = token.find(ISSUING_ALIAS);
    if (entry.isEmpty()) {
      if (token.contains(ISSUING_ALIAS) || token.contains(ROOT_ALIAS)) {
        throw new CaException(
            "the "
                + token.description()
                + " has a "
                + ROOT_ALIAS
                + " or "
                + ISSUING_ALIAS
                + " entry but no issuing CA key with its certificate: import the issuing CA key"
                + " and chain under "
                + ISSUING_ALIAS
                + ", or remove both entries to have a new CA created");
      }
      create();
      entry = token.find(ISSUING_ALIAS);
    }
    return use(
        ISSUING_ALIAS,
        entry.orElseThrow(() -> new CaException("the created CA is not on the token")));
  }

  /**
   * The earlier issuing CAs whose keys the token holds, under {@value #PREVIOUS_ALIAS_PREFIX}1, 2
   * and so on up to the first number with no entry. Each must be a CA whose key matches its
   * certificate; an expired one is fine (its certificates may still need revocation status).
   *
   * @param current the issuing CA, which none of them may be
   */
  List<IssuingCa> loadPrevious(IssuingCa current) throws CaException {
    List<IssuingCa> previous = new ArrayList<>();
    Set<String> keyIds = new HashSet<>(Set.of(current.keyId()));
    for (int number = 1; ; number++) {
      String alias = PREVIOUS_ALIAS_PREFIX + number;
      Optional<CryptoToken.KeyEntry> entry = token.find(alias);
      if (entry.isEmpty()) {
        if (token.contains(alias)) {
          throw new CaException(
              "the " + token.description() + " has a " + alias + " entry without a private key");
        }
        return List.copyOf(previous);
      }
      IssuingCa ca = use(alias, entry.get());
      if (!keyIds.add(ca.keyId())) {
        throw new CaException(
            "the key of "
                + alias
                + " on the "
                + token.description()
                + " is that of another issuing CA entry (key id "
                + ca.keyId()
                + ")");
      }
      previous.add(ca);
    }
  }

  private IssuingCa use(String alias, CryptoToken.KeyEntry entry) throws CaException {
    boolean current = ISSUING_ALIAS.equals(alias);
    X509CertificateHolder certificate = entry.chain().get(0);
    BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
    if (constraints == null || !constraints.isCA()) {
      throw new CaException(
          "the certificate of " + alias + " on the " + token.description() + " is not a CA");
    }
    KeyAlgorithm algorithm;
    try {
      algorithm = KeyAlgorithms.of(certificate.getSubjectPublicKeyInfo());
    } catch (RequestRefusedException e) {
      throw new CaException("the key of " + alias + " is not usable: " + e.getMessage(), e);
    }
    SignerPool signers = token.signers(entry.privateKey(), algorithm);
    requireMatchingKey(alias, certificate, signers);
    IssuingCa ca = new IssuingCa(entry.chain(), algorithm, signers);
    if (!current) {
      LOG.info(
          () ->
              "Earlier issuing CA "
                  + SubjectNames.rfc4514(certificate.getSubject())
                  + " (key id "
                  + ca.keyId()
                  + ", valid until "
                  + certificate.getNotAfter().toInstant()
                  + ") under "
                  + alias
                  + " on the "
                  + token.description()
                  + ": signs the CRL and OCSP answers of its certificates");
      return ca;
    }
    if (algorithm != settings.caKeyAlgorithm()) {
      LOG.info(
          () ->
              "The issuing CA key is "
                  + algorithm
                  + "; caKeyAlgorithm ("
                  + settings.caKeyAlgorithm()
                  + ") applies only when a CA is created");
    }
    if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
      LOG.severe(() -> "The issuing CA certificate has expired: " + certificate.getNotAfter());
    }
    LOG.info(
        () ->
            "Issuing CA "
                + SubjectNames.rfc4514(certificate.getSubject())
                + " ("
                + algorithm
                + ", key id "
                + ca.keyId()
                + ", valid until "
                + certificate.getNotAfter().toInstant()
                + ") on the "
                + token.description()
                + ", signing with "
                + signers.providerName());
    return ca;
  }

  /** Fails if the private key does not sign what the certificate's public key verifies. */
  private static void requireMatchingKey(
      String alias, X509CertificateHolder certificate, SignerPool signers) throws CaException {
    boolean matches;
    try {
      ContentVerifier verifier =
          new JcaContentVerifierProviderBuilder()
              .setProvider(CryptoProviders.BC)
              .build(certificate)
              .get(signers.algorithmIdentifier());
      byte[] signature =
          signers.sign(
              signer -> {
                write(signer.getOutputStream());
                return signer.getSignature();
              });
      write(verifier.getOutputStream());
      matches = verifier.verify(signature);
    } catch (OperatorCreationException | CertificateException e) {
      throw new CaException("cannot check the issuing CA key against its certificate", e);
    }
    if (!matches) {
      throw new CaException("the private key of " + alias + " does not belong to its certificate");
    }
  }

  private static void write(OutputStream out) throws CaException {
    try {
      out.write(PROBE);
      out.close();
    } catch (IOException e) {
      throw new CaException("cannot check the issuing CA key", e);
    }
  }

  private void create() throws CaException {
    KeyAlgorithm algorithm = settings.caKeyAlgorithm();
    LOG.info(
        () -> "Creating a " + algorithm + " root CA and issuing CA on the " + token.description());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    KeyPair rootKeys = token.generateKeyPair(algorithm);
    SubjectPublicKeyInfo rootKey =
        SubjectPublicKeyInfo.getInstance(rootKeys.getPublic().getEncoded());
    SignerPool rootSigners = token.signers(rootKeys.getPrivate(), algorithm);
    Instant rootNotAfter = plusYears(now, settings.rootCaValidityYears());
    X509CertificateHolder root =
        caCertificate(
            settings.rootCaSubject(),
            rootKey,
            settings.rootCaSubject(),
            rootKey,
            now,
            rootNotAfter,
            new BasicConstraints(true),
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign),
            rootSigners);
    token.store(ROOT_ALIAS, rootKeys.getPrivate(), List.of(root));

    KeyPair issuingKeys = token.generateKeyPair(algorithm);
    Instant issuingNotAfter = plusYears(now, settings.issuingCaValidityYears());
    X509CertificateHolder issuing =
        caCertificate(
            settings.rootCaSubject(),
            rootKey,
            settings.issuingCaSubject(),
            SubjectPublicKeyInfo.getInstance(issuingKeys.getPublic().getEncoded()),
            now,
            issuingNotAfter.isAfter(rootNotAfter) ? rootNotAfter : issuingNotAfter,
            new BasicConstraints(0),
            // digitalSignature: the issuing CA signs OCSP responses itself.
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature),
            rootSigners);
    token.store(ISSUING_ALIAS, issuingKeys.getPrivate(), List.of(issuing, root));
    LOG.info(
        () ->
            "Created root CA "
                + SubjectNames.rfc4514(root.getSubject())
                + " and issuing CA "
                + SubjectNames.rfc4514(issuing.getSubject())
                + "; back up the "
                + token.description());
  }

  private X509CertificateHolder caCertificate(
      X500Name issuer,
      SubjectPublicKeyInfo issuerKey,
      X500Name subject,
      SubjectPublicKeyInfo subjectKey,
      Instant notBefore,
      Instant notAfter,
      BasicConstraints basicConstraints,
      KeyUsage keyUsage,
      SignerPool signers)
      throws CaException {
    X509v3CertificateBuilder builder;
    try {
      builder =
          new X509v3CertificateBuilder(
                  issuer,
                  serials.next(),
                  Asn1Times.time(notBefore),
                  Asn1Times.time(notAfter),
                  subject,
                  subjectKey)
              .addExtension(ExtensionValues.critical(Extension.basicConstraints, basicConstraints))
              .addExtension(ExtensionValues.critical(Extension.keyUsage, keyUsage))
              .addExtension(
                  ExtensionValues.nonCritical(
                      Extension.subjectKeyIdentifier,
                      new SubjectKeyIdentifier(KeyIdentifiers.of(subjectKey))))
              .addExtension(
                  ExtensionValues.nonCritical(
                      Extension.authorityKeyIdentifier,
                      new AuthorityKeyIdentifier(KeyIdentifiers.of(issuerKey))));
    } catch (CertIOException e) {
      throw new CaException("cannot encode the CA certificate " + subject, e);
    }
    return signers.sign(builder::build);
  }

  static Instant plusYears(Instant start, int years) {
    return start.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
  }
}
