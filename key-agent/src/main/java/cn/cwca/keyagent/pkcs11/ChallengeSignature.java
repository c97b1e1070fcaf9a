package cn.cwca.keyagent.pkcs11;

import java.security.cert.X509Certificate;

/**
 * A server challenge signed with the key of a certificate on the token.
 *
 * @param algorithm the JCA signature algorithm, e.g. {@code SHA256withRSA}
 * @param signature the signature (DER for ECDSA)
 * @param certificate the certificate whose key signed
 */
public record ChallengeSignature(String algorithm, byte[] signature, X509Certificate certificate) {}
