package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * Issues subscriber certificates. Both profiles are signing certificates: basicConstraints CA=false
 * (critical), keyUsage digitalSignature and nonRepudiation (critical), extendedKeyUsage clientAuth
 * and emailProtection (logging in to relying parties, signing mail), subject and authority key
 * identifiers, the CRL distribution point and the authority information access (OCSP, caIssuers)
 * when configured (each URL with the issuing CA's key id in place of {@value
 * CaSettings#ISSUER_KEY_ID}), and the GM/T 0015 identifiers of the subject. The validity is whole
 * years to the second, inclusive: from notBefore to notBefore plus the years minus one second.
 */
final class CertificateIssuer {

  private static final Extension NOT_A_CA =
      ExtensionValues.critical(Extension.basicConstraints, new BasicConstraints(false));
  private static final Extension SIGNING_KEY_USAGE =
      ExtensionValues.critical(
          Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
  private static final Extension CLIENT_AND_EMAIL =
      ExtensionValues.nonCritical(
          Extension.extendedKeyUsage,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {
                KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection
              }));

  /** TBSCertificate version [0] EXPLICIT INTEGER 2 (v3). */
  private static final byte[] VERSION_3 = {(byte) 0xa0, 0x03, 0x02, 0x01, 0x02};

  private final IssuingCa ca;
  private final SerialNumbers serials;
  private final CertificationRequests requests;

  /** The DER of the extensions every certificate of this CA carries, encoded once. */
  private final List<byte[]> common;

  /** The DER of the signature algorithm, named in the TBSCertificate and the certificate. */
  private final byte[] signatureAlgorithm;

  /** The DER of the issuer's name, exactly as it stands in the CA certificate. */
  private final byte[] issuer;

  CertificateIssuer(IssuingCa ca, CaSettings settings, SerialNumbers serials) {
    this.ca = ca;
    this.serials = serials;
    this.requests =
        new CertificationRequests(CryptoProviders.nativeVerifier(settings.nativeCrypto()));
    List<Extension> extensions =
        new ArrayList<>(List.of(NOT_A_CA, SIGNING_KEY_USAGE, CLIENT_AND_EMAIL));
    extensions.add(ca.authorityKeyIdentifier());
    if (settings.crlDistributionPointUrl() != null) {
      extensions.add(crlDistributionPoint(ofThisCa(settings.crlDistributionPointUrl(), ca)));
    }
    if (settings.ocspUrl() != null || settings.caIssuersUrl() != null) {
      extensions.add(
          authorityInformationAccess(
              ofThisCa(settings.ocspUrl(), ca), ofThisCa(settings.caIssuersUrl(), ca)));
    }
    this.common = extensions.stream().map(CertificateIssuer::der).toList();
    this.signatureAlgorithm = der(ca.signers().algorithmIdentifier());
    this.issuer = der(ca.certificate().toASN1Structure().getSubject());
  }

  IssuedCertificate issue(IssueRequest request) throws CaException {
    CertificationRequests.VerifiedKey key = requests.verify(request.pkcs10Der());
    Instant notBefore =
        (request.notBefore() != null ? request.notBefore() : Instant.now())
            .truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter =
        request.notAfter() != null
            ? request.notAfter().truncatedTo(ChronoUnit.SECONDS)
            : CaBootstrap.plusYears(notBefore, request.validityYears())
                .minus(1, ChronoUnit.SECONDS);
    if (!notAfter.isAfter(notBefore)) {
      throw new CaException("a certificate cannot end (" + notAfter + ") before it starts");
    }
    if (notBefore.isBefore(ca.notBefore()) || notAfter.isAfter(ca.notAfter())) {
      throw new CaException(
          "a certificate valid from "
              + notBefore
              + " to "
              + notAfter
              + " would not lie within the validity of the issuing CA ("
              + ca.notBefore()
              + " to "
              + ca.notAfter()
              + "): renew the issuing CA or issue for fewer years");
    }
    BigInteger serial = serials.next();
    X500Name subject = SubjectNames.of(request.subject());
    List<byte[]> extensions = new ArrayList<>(common.size() + 3);
    extensions.addAll(common);
    extensions.add(
        der(
            ExtensionValues.nonCritical(
                Extension.subjectKeyIdentifier,
                new SubjectKeyIdentifier(KeyIdentifiers.of(key.publicKey())))));
    for (Extension identifier : GmtIdentifiers.of(request.subject())) {
      extensions.add(der(identifier));
    }
    // RFC 5280 section 4.1: the TBSCertificate put together from parts encoded once per CA
    // (version, signature algorithm, issuer, the common extensions) and per certificate.
    byte[] tbs =
        DerSequences.of(
            VERSION_3,
            der(new ASN1Integer(serial)),
            signatureAlgorithm,
            issuer,
            DerSequences.of(der(Asn1Times.time(notBefore)), der(Asn1Times.time(notAfter))),
            der(subject),
            der(key.publicKey()),
            DerSequences.explicit(3, DerSequences.of(extensions)));
    byte[] certificate = ca.signers().sign(signer -> signed(tbs, signatureAlgorithm, signer));
    return new IssuedCertificate(
        certificate,
        serial.toString(16),
        notBefore,
        notAfter,
        SubjectNames.rfc4514(subject),
        key.algorithm(),
        ca.chainDer(),
        ca.keyId());
  }

  /**
   * The certificate (RFC 5280 section 4.1): the TBSCertificate's DER signed, and the certificate's
   * DER put together from it rather than encoded again.
   */
  private static byte[] signed(byte[] tbs, byte[] algorithm, ContentSigner signer)
      throws CaException {
    try {
      try (OutputStream out = signer.getOutputStream()) {
        out.write(tbs);
      }
      byte[] bitString = new DERBitString(signer.getSignature()).getEncoded(ASN1Encoding.DER);
      return DerSequences.of(tbs, algorithm, bitString);
    } catch (IOException e) {
      throw new CaException("cannot encode the certificate", e);
    }
  }

  private static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The URL with {@value CaSettings#ISSUER_KEY_ID} replaced by the issuing CA's key id, so that the
   * certificates of each issuing CA name its own CRL and certificate; null stays null.
   */
  static String ofThisCa(String url, IssuingCa ca) {
    return url == null ? null : url.replace(CaSettings.ISSUER_KEY_ID, ca.keyId());
  }

  private static Extension crlDistributionPoint(String url) {
    DistributionPointName name = new DistributionPointName(new GeneralNames(uri(url)));
    return ExtensionValues.nonCritical(
        Extension.cRLDistributionPoints,
        new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
  }

  private static Extension authorityInformationAccess(String ocspUrl, String caIssuersUrl) {
    ASN1EncodableVector access = new ASN1EncodableVector();
    if (ocspUrl != null) {
      access.add(new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocspUrl)));
    }
    if (caIssuersUrl != null) {
      access.add(new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuersUrl)));
    }
    return ExtensionValues.nonCritical(
        Extension.authorityInfoAccess,
        AuthorityInformationAccess.getInstance(new DERSequence(access)));
  }

  private static GeneralName uri(String url) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, url);
  }
}
