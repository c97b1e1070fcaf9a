package cn.cwca.portal.issuance;

import java.nio.charset.StandardCharsets;

/**
 * The text a USB key signs to prove that it holds a certificate's private key: a fixed prefix, the
 * origin of the portal's page that asked, and the server's nonce. The key agent builds the same
 * text itself and signs nothing else, so that a signature made for this portal can never be a
 * signature over a document, and one asked for by another site never verifies here.
 */
public final class ProofText {

  /** The prefix of every proof (the key agent's {@code CA-PORTAL-PROOF-V1}). */
  public static final String PREFIX = "CA-PORTAL-PROOF-V1";

  private ProofText() {}

  /** The UTF-8 bytes of {@code PREFIX \n origin \n nonceBase64}. */
  public static byte[] of(String origin, String nonceBase64) {
    return (PREFIX + "\n" + origin + "\n" + nonceBase64).getBytes(StandardCharsets.UTF_8);
  }
}
