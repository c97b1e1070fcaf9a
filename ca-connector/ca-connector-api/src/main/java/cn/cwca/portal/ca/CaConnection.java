package cn.cwca.portal.ca;

import java.util.List;

/**
 * A handle on the certificate authority, used for one business step and then closed. Every method
 * checks that the handle is still open and fails with {@link CaException} otherwise; none returns
 * null.
 *
 * <p>There is no {@code revoke}: revoking is recording the revocation (serial, time, reason) in the
 * application's database, in the transaction of the business step. The CA signs what that record
 * says, through {@link #signCrl} and {@link #answerOcsp}. Signing takes part in no transaction
 * (nothing to roll back); an application whose step fails after {@link #issue} simply does not
 * record the certificate, which then is never delivered.
 */
public interface CaConnection extends AutoCloseable {

  /**
   * Issues a certificate for the public key of a PKCS#10 request, with the subject and profile the
   * request names. The request's own subject and extensions are ignored.
   *
   * @throws RequestRefusedException if the PKCS#10 request is malformed, its signature does not
   *     verify (no proof of possession), or its key or signature algorithm is not allowed
   * @throws CaException if the CA cannot sign, or the certificate would outlive the issuing CA
   */
  IssuedCertificate issue(IssueRequest request) throws CaException;

  /**
   * Signs a CRL (RFC 5280, version 2) listing exactly the given revocations.
   *
   * @return the DER encoding of the CRL
   */
  byte[] signCrl(CrlRequest request) throws CaException;

  /**
   * Answers an OCSP request (RFC 6960), asking {@code lookup} for the status of each certificate
   * serial the request names that this CA issued.
   *
   * @return the DER encoding of a complete OCSPResponse, to send as {@code
   *     application/ocsp-response}: successful and signed by the issuing CA, or one of the unsigned
   *     error statuses (malformedRequest for bytes that are not an OCSP request, unauthorized when
   *     no certificate in it is from this CA, internalError when {@code lookup} fails)
   * @throws CaException if the CA cannot sign
   */
  byte[] answerOcsp(byte[] ocspRequestDer, CertificateStatusLookup lookup) throws CaException;

  /**
   * Whether a certificate was signed by this CA's issuing key, or by one of the earlier issuing CAs
   * the CA is configured to recognise (certificates issued before this system): its issuer is that
   * CA's subject and its signature verifies with that CA's public key. Says nothing of validity or
   * revocation.
   *
   * @param certificateDer the DER encoding of an X.509 certificate
   * @return false also for bytes that are not a certificate
   */
  boolean issuedByThisCa(byte[] certificateDer) throws CaException;

  /** The DER encodings of the CA certificates, the issuing CA first and the root last. */
  List<byte[]> caCertificates() throws CaException;

  /** Gives the connection back; the handle is unusable afterwards. Closing twice does nothing. */
  @Override
  void close();
}
