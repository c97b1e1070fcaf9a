package cn.cwca.keyagent.pkcs11;

/**
 * A key pair made on the token, waiting for its certificate.
 *
 * @param keyId the id the page names it by when it installs the certificate (valid in the session)
 * @param algorithm the algorithm
 * @param certificationRequest the PKCS#10 request (DER), signed with the new private key
 */
public record GeneratedKey(String keyId, KeyAlgorithm algorithm, byte[] certificationRequest) {}
