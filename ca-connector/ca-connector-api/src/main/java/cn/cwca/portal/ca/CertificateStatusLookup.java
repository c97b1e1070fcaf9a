package cn.cwca.portal.ca;

/**
 * The application's answer to "what is the status of the certificate with this serial number,
 * issued by this issuing CA?", from its record of issued and revoked certificates. Called once per
 * certificate an OCSP request asks about, on the caller's thread.
 */
@FunctionalInterface
public interface CertificateStatusLookup {

  /**
   * The status of the certificate the given issuing CA issued with the given serial number.
   *
   * @param issuerKeyId the key identifier of the issuing CA the request names, as {@link
   *     CaIssuer#keyId()}: one whose key the CA holds, which signs the answer
   * @param serialHex the serial number in lower-case hexadecimal without leading zeros, as {@link
   *     IssuedCertificate#serialHex()}
   * @return never null; {@link CertificateStatus#unknown()} for a serial number that issuer did not
   *     issue
   */
  CertificateStatus statusOf(String issuerKeyId, String serialHex);
}
