package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CertificateStatusLookup;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * One open CA: its crypto token, the issuing CA on it, and the operations of {@link
 * cn.cwca.portal.ca.CaConnection}. Thread-safe; shared by all connections of the factories with the
 * same settings, and closed by the resource adapter when it stops.
 */
final class CertificateAuthority implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());

  private final CryptoToken token;
  private final IssuingCa ca;
  private final CertificateIssuer issuer;
  private final CrlSigner crls;
  private final OcspResponder ocsp;

  /** The issuing CA first, then the earlier issuing CAs of the configuration. */
  private final List<X509CertificateHolder> recognisedIssuers;

  private volatile boolean open = true;

  private CertificateAuthority(
      CryptoToken token, IssuingCa ca, CaSettings settings, SerialNumbers serials)
      throws CaException {
    this.token = token;
    this.ca = ca;
    List<X509CertificateHolder> issuers = new ArrayList<>();
    issuers.add(ca.certificate());
    if (settings.previousIssuersPath() != null) {
      issuers.addAll(PreviousIssuers.read(settings.previousIssuersPath()));
    }
    this.recognisedIssuers = List.copyOf(issuers);
    this.issuer = new CertificateIssuer(ca, settings, serials);
    this.crls = new CrlSigner(ca);
    this.ocsp = new OcspResponder(ca);
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
      IssuingCa ca = new CaBootstrap(token, settings, serials).loadOrCreate();
      return new CertificateAuthority(token, ca, settings, serials);
    } catch (CaException | RuntimeException e) {
      token.close();
      throw e;
    }
  }

  IssuedCertificate issue(IssueRequest request) throws CaException {
    requireOpen();
    return issuer.issue(request);
  }

  byte[] signCrl(CrlRequest request) throws CaException {
    requireOpen();
    return crls.sign(request);
  }

  byte[] answerOcsp(byte[] requestDer, CertificateStatusLookup lookup) throws CaException {
    requireOpen();
    return ocsp.answer(requestDer, lookup);
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
