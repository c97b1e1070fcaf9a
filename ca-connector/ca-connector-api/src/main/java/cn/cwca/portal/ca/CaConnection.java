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
   * Signs a CRL (RFC 5280, version 2) listing exactly the given revocations, with the key of the
   * issuing CA the request names (the current one when it names none).
   *
   * @return the DER encoding of the CRL
   * @throws CaException if the CA cannot sign, or holds no key of the issuing CA named
   */
  byte[] signCrl(CrlRequest request) throws CaException;

  /**
   * Answers an OCSP request (RFC 6960), echoing its nonce: {@link #answerOcsp(byte[],
   * CertificateStatusLookup, boolean) answerOcsp(ocspRequestDer, lookup, true)}.
   */
  default byte[] answerOcsp(byte[] ocspRequestDer, CertificateStatusLookup lookup)
      throws CaException {
    return answerOcsp(ocspRequestDer, lookup, true);
  }

  /**
   * Answers an OCSP request (RFC 6960). The issuing CA is the one the request's first certificate
   * id names among those of {@link #issuers()} (by issuer name and key hash), current or earlier;
   * {@code lookup} is asked for the status of each certificate of that issuer the request names,
   * and that issuer signs the answer. Certificates of any other issuer in the same request get the
   * status unknown.
   *
   * @param echoNonce whether the answer repeats the request's nonce (RFC 9654); without it the
   *     answer is the same for every request asking about the same certificates, and can be kept
   *     and sent again (RFC 5019; RFC 6960 lets a responder leave the nonce out)
   * @return the DER encoding of a complete OCSPResponse, to send as {@code
   *     application/ocsp-response}: successful and signed by the issuing CA, or one of the unsigned
   *     error statuses (malformedRequest for bytes that are not an OCSP request, unauthorized when
   *     no certificate in it is from an issuing CA whose key the CA holds, internalError when
   *     {@code lookup} fails)
   * @throws CaException if the CA cannot sign
   */
  byte[] answerOcsp(byte[] ocspRequestDer, CertificateStatusLookup lookup, boolean echoNonce)
      throws CaException;

  /**
   * The issuing CAs whose keys the CA holds, the current one first: each signs the CRL and the OCSP
   * answers of the certificates it issued (after a rollover, the earlier ones for the certificates
   * they issued before).
   */
  List<CaIssuer> issuers() throws CaException;

  /**
   * Whether a certificate was signed by this CA's issuing key, by an earlier issuing CA whose key
   * it still holds ({@link #issuers()}), or by one of the earlier issuing CAs whose certificates it
   * is configured to recognise (certificates issued before this system): its issuer is that CA's
   * subject and its signature verifies with that CA's public key. Says nothing of validity or
   * revocation.
   *
   * @param certificateDer the DER encoding of an X.509 certificate
   * @return false also for bytes that are not a certificate
   */
  boolean issuedByThisCa(byte[] certificateDer) throws CaException;

  /**
   * The DER encodings of the CA certificates of the current issuing CA, the issuing CA first and
   * the root last.
   */
  List<byte[]> caCertificates() throws CaException;

  /**
   * Signs the head of the portal's audit chain with the current issuing CA's key: the DER encoding
   * of {@code SignedAuditHead ::= SEQUENCE { head AuditHead, signatureAlgorithm
   * AlgorithmIdentifier, signature BIT STRING }}, the signature over the DER of {@code AuditHead
   * ::= SEQUENCE { version INTEGER (1), issuerKeyId OCTET STRING, sequence INTEGER, headHash OCTET
   * STRING, signedAt GeneralizedTime }}.
   *
   * @param sequence the head's sequence number, from 1
   * @param headHash the head entry's SHA-256 hash, 32 bytes
   * @throws CaException if the CA cannot sign, or the arguments are not a head
   */
  byte[] signAuditHead(long sequence, byte[] headHash, java.time.Instant signedAt)
      throws CaException;

  /**
   * Whether {@code signedHead} is what {@link #signAuditHead} returned for exactly this sequence
   * number and hash, signed with the key of an issuing CA the CA holds (current or earlier).
   *
   * @return false also for bytes that are not a signed head
   */
  boolean verifyAuditHead(byte[] signedHead, long sequence, byte[] headHash) throws CaException;

  /** Gives the connection back; the handle is unusable afterwards. Closing twice does nothing. */
  @Override
  void close();
}
