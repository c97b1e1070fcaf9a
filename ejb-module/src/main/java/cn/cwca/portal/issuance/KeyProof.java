package cn.cwca.portal.issuance;

import java.io.Serializable;

/**
 * A USB key's answer to a {@link KeyChallenge}: the signature of the {@link ProofText} by the
 * private key of a certificate on it, as the key agent gives it. The server rebuilds the text with
 * its own origin, so a signature asked for by a page of another site never verifies.
 *
 * @param nonce the challenge's nonce, base64, as the server gave it
 * @param algorithm {@code SHA256withRSA} or {@code SHA256withECDSA}
 * @param signatureBase64 the signature, DER for ECDSA
 */
public record KeyProof(String nonce, String algorithm, String signatureBase64)
    implements Serializable {}
