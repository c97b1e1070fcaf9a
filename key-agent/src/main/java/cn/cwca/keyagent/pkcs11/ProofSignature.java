package cn.cwca.keyagent.pkcs11;

import java.security.cert.X509Certificate;

/**
 * A proof of possession: the {@link ProofOfPossession} text signed with the key of a certificate on
 * the token.
 *
 * @param algorithm the JCA signature algorithm, e.g. {@code SHA256withRSA}
 * @param signature the signature over the text's UTF-8 bytes (DER for ECDSA)
 * @param certificate the certificate whose key signed
 * @param signedText the exact text signed
 */
public record ProofSignature(
    String algorithm, byte[] signature, X509Certificate certificate, String signedText) {}
