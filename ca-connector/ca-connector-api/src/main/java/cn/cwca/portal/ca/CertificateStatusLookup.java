package cn.cwca.portal.ca;

/**
 * The application's answer to "what is the status of the certificate with this serial number?",
 * from its record of issued and revoked certificates. Called once per certificate an OCSP request
 * asks about, on the caller's thread.
 */
@FunctionalInterface
public interface CertificateStatusLookup {

  /**
   * The status of the certificate this CA issued with the given serial number.
   *
   * @param serialHex the serial number in lower-case hexadecimal without leading zeros, as {@link
   *     IssuedCertificate#serialHex()}
   * @return never null; {@link CertificateStatus#unknown()} for a serial number not issued
   */
  CertificateStatus statusOf(String serialHex);
}
