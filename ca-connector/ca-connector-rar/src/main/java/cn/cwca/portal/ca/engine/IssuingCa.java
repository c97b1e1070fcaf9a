package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.KeyAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The CA that signs certificates, CRLs and OCSP responses: its certificate chain, its key's
 * signers, and what every signature needs from it, computed once.
 */
final class IssuingCa {

  private final List<X509CertificateHolder> chain;
  private final List<byte[]> chainDer;
  private final KeyAlgorithm keyAlgorithm;
  private final SignerPool signers;
  private final byte[] keyIdentifier;
  private final String keyId;
  private final Extension authorityKeyIdentifier;
  private final Instant notBefore;
  private final Instant notAfter;

  /**
   * @param chain the issuing CA certificate first, the root last
   */
  IssuingCa(List<X509CertificateHolder> chain, KeyAlgorithm keyAlgorithm, SignerPool signers) {
    this.chain = List.copyOf(chain);
    this.chainDer = this.chain.stream().map(IssuingCa::encoded).toList();
    this.keyAlgorithm = keyAlgorithm;
    this.signers = signers;
    X509CertificateHolder certificate = chain.get(0);
    SubjectKeyIdentifier own = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
    this.keyIdentifier =
        own != null
            ? own.getKeyIdentifier()
            : KeyIdentifiers.of(certificate.getSubjectPublicKeyInfo());
    this.keyId = HexFormat.of().formatHex(keyIdentifier);
    this.authorityKeyIdentifier =
        ExtensionValues.nonCritical(
            Extension.authorityKeyIdentifier, new AuthorityKeyIdentifier(keyIdentifier));
    // Bouncy Castle parses the certificate's dates again on every call: read them once.
    this.notBefore = certificate.getNotBefore().toInstant();
    this.notAfter = certificate.getNotAfter().toInstant();
  }

  X509CertificateHolder certificate() {
    return chain.get(0);
  }

  X500Name name() {
    return certificate().getSubject();
  }

  /** The CA certificates, the issuing CA first, the root last. */
  List<X509CertificateHolder> chain() {
    return chain;
  }

  /** The DER encodings of {@link #chain()}; callers must not modify them. */
  List<byte[]> chainDer() {
    return chainDer;
  }

  KeyAlgorithm keyAlgorithm() {
    return keyAlgorithm;
  }

  SignerPool signers() {
    return signers;
  }

  /**
   * The key identifier in lower-case hexadecimal: the certificate's subject key identifier, or the
   * SHA-1 of its public key when it has none; the authority key identifier of what it signs.
   */
  String keyId() {
    return keyId;
  }

  /** The authority key identifier extension of what this CA signs (non-critical). */
  Extension authorityKeyIdentifier() {
    return authorityKeyIdentifier;
  }

  Instant notBefore() {
    return notBefore;
  }

  Instant notAfter() {
    return notAfter;
  }

  private static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
