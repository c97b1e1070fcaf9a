package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CaIssuer;
import cn.cwca.portal.ca.CertificateStatusLookup;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * One open CA: its crypto token, the issuing CA on it (and the earlier issuing CAs whose keys it
 * still holds), and the operations of {@link cn.cwca.portal.ca.CaConnection}. Thread-safe; shared
 * by all connections of the factories with the same settings, and closed by the resource adapter
 * when it stops.
 */
final class CertificateAuthority implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());

  private final CryptoToken token;
  private final IssuingCa ca;
  private final CertificateIssuer issuer;

  /** The CRL signers of the issuing CAs whose keys the token holds, by key id. */
  private final Map<String, CrlSigner> crls;

  private final OcspResponder ocsp;

  /** The issuing CAs whose keys the token holds, the current one first. */
  private final List<CaIssuer> issuers;

  private final List<IssuingCa> held;

  /**
   * The issuing CAs with keys, then the earlier issuing CAs of the configuration (certificates
   * only).
   */
  private final List<X509CertificateHolder> recognisedIssuers;

  private volatile boolean open = true;

  private CertificateAuthority(
      CryptoToken token,
      IssuingCa ca,
      List<IssuingCa> previous,
      CaSettings settings,
      SerialNumbers serials)
      throws CaException {
    this.token = token;
    this.ca = ca;
    List<IssuingCa> held = new ArrayList<>();
    held.add(ca);
    held.addAll(previous);
    List<X509CertificateHolder> recognised = new ArrayList<>();
    Map<String, CrlSigner> signers = new HashMap<>();
    List<CaIssuer> described = new ArrayList<>();
    for (IssuingCa one : held) {
      recognised.add(one.certificate());
      signers.put(one.keyId(), new CrlSigner(one));
      described.add(new CaIssuer(one.keyId(), one.chainDer().get(0), one == ca));
    }
    if (settings.previousIssuersPath() != null) {
      recognised.addAll(PreviousIssuers.read(settings.previousIssuersPath()));
    }
    this.recognisedIssuers = List.copyOf(recognised);
    this.crls = Map.copyOf(signers);
    this.issuers = List.copyOf(described);
    this.held = List.copyOf(held);
    this.issuer = new CertificateIssuer(ca, settings, serials);
    this.ocsp = new OcspResponder(held);
  }

  /** Opens the token and finds the CA on it, creating a CA first if the token has none. */
  static CertificateAuthority open(CaSettings settings) throws CaException {
    CryptoToken token =
        switch (settings.tokenType()) {
          case PKCS12 ->
              Pkcs12Token.open(
                  settings.keystorePath(), settings.keystorePassword(), settings.nativeCrypto());
          case PKCS11 ->
              Pkcs11Token.open(
                  settings.pkcs11Library(),
                  settings.pkcs11Slot(),
                  settings.pkcs11SlotListIndex(),
                  settings.pkcs11Pin());
        };
    try {
      SerialNumbers serials = new SerialNumbers();
      CaBootstrap bootstrap = new CaBootstrap(token, settings, serials);
      IssuingCa ca = bootstrap.loadOrCreate();
      return new CertificateAuthority(token, ca, bootstrap.loadPrevious(ca), settings, serials);
    } catch (CaException | RuntimeException e) {
      token.close();
      throw e;
    }
  }

  IssuedCertificate issue(IssueRequest request) throws CaException {
    requireOpen();
    return issuer.issue(request);
  }

  /** Signs with the issuing CA the request names, the current one when it names none. */
  byte[] signCrl(CrlRequest request) throws CaException {
    requireOpen();
    String keyId = request.issuerKeyId() == null ? ca.keyId() : request.issuerKeyId();
    CrlSigner signer = crls.get(keyId.toLowerCase(Locale.ROOT));
    if (signer == null) {
      throw new CaException(
          "the CA holds no key of the issuing CA " + keyId + " to sign its CRL with");
    }
    return signer.sign(request);
  }

  /** Signs the audit chain's head with the current issuing CA ({@link AuditHeadSigner}). */
  byte[] signAuditHead(long sequence, byte[] headHash, java.time.Instant signedAt)
      throws CaException {
    requireOpen();
    return AuditHeadSigner.sign(ca, sequence, headHash, signedAt);
  }

  boolean verifyAuditHead(byte[] signedHead, long sequence, byte[] headHash) throws CaException {
    requireOpen();
    return AuditHeadSigner.verify(held, signedHead, sequence, headHash);
  }

  byte[] answerOcsp(byte[] requestDer, CertificateStatusLookup lookup) throws CaException {
    return answerOcsp(requestDer, lookup, true);
  }

  byte[] answerOcsp(byte[] requestDer, CertificateStatusLookup lookup, boolean echoNonce)
      throws CaException {
    requireOpen();
    return ocsp.answer(requestDer, lookup, echoNonce);
  }

  /** The issuing CAs whose keys the token holds, the current one first. */
  List<CaIssuer> issuers() throws CaException {
    requireOpen();
    return issuers;
  }

  /** Whether this CA or a recognised earlier issuing CA signed the certificate. */
  boolean issuedByThisCa(byte[] certificateDer) throws CaException {
    requireOpen();
    return PreviousIssuers.signedByOneOf(certificateDer, recognisedIssuers);
  }

  /** The CA certificates, the issuing CA first; callers must not modify the arrays. */
  List<byte[]> caCertificates() throws CaException {
    requireOpen();
    return ca.chainDer();
  }

  /** The JCA provider that signs with the issuing CA key. */
  String signingProviderName() {
    return ca.signers().providerName();
  }

  boolean isOpen() {
    return open;
  }

  String description() {
    return SubjectNames.rfc4514(ca.name()) + " on the " + token.description();
  }

  @Override
  public void close() {
    if (open) {
      open = false;
      token.close();
      LOG.info(() -> "Closed the CA " + description());
    }
  }

  private void requireOpen() throws CaException {
    if (!open) {
      throw new CaException("the CA " + description() + " has been stopped");
    }
  }
}
