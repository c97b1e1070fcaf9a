package cn.cwca.keyagent.pkcs11;

/**
 * A key pair made on the token, waiting for its certificate (as the token entry {@code
 * pending-<keyId>}).
 *
 * @param keyId the id the page may name it by when it installs the certificate; valid as long as
 *     the key waits on the token, in later sessions too
 * @param algorithm the algorithm
 * @param certificationRequest the PKCS#10 request (DER), signed with the new private key
 */
public record GeneratedKey(String keyId, KeyAlgorithm algorithm, byte[] certificationRequest) {}
