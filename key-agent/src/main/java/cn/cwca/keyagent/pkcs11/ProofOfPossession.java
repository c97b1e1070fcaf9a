package cn.cwca.keyagent.pkcs11;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The only text the agent signs with the key of a certificate (proof of possession, {@code POST
 * /v1/sign}): never bytes a page chooses, always
 *
 * <pre>
 * "CA-PORTAL-PROOF-V1" LF origin LF nonce
 * </pre>
 *
 * in UTF-8, where {@code origin} is the {@code Origin} header of the request exactly as the agent
 * admitted it (e.g. {@code https://ca.example.cn}) and {@code nonce} is the portal server's random
 * nonce in standard base64 with padding, exactly as sent (16 to 64 bytes before encoding). The
 * domain label keeps the signature from being useful as a signature of anything else (a document, a
 * certificate request, a login to another service); the origin binds it to the portal whose page
 * asked. The server that issued the nonce rebuilds the same text with {@link #text} (this class
 * needs nothing but the JDK, so it can be copied as is) and verifies the signature over its UTF-8
 * bytes with the certificate's public key.
 */
public final class ProofOfPossession {

  /** The first line of every signed text; a later format gets a new label. */
  public static final String DOMAIN = "CA-PORTAL-PROOF-V1";

  public static final int MIN_NONCE_BYTES = 16;
  public static final int MAX_NONCE_BYTES = 64;

  private ProofOfPossession() {}

  /**
   * The text to sign: {@code DOMAIN + "\n" + origin + "\n" + nonce}.
   *
   * @param origin the page's origin, scheme://host[:port], as the browser sent it
   * @param nonce the server's nonce in standard base64 (with padding), as issued
   * @throws IllegalArgumentException when the origin is empty or holds a control character, or the
   *     nonce is not canonical base64 of {@value #MIN_NONCE_BYTES} to {@value #MAX_NONCE_BYTES}
   *     bytes
   */
  public static String text(String origin, String nonce) {
    checkOrigin(origin);
    checkNonce(nonce);
    return DOMAIN + "\n" + origin + "\n" + nonce;
  }

  /** The UTF-8 bytes of {@link #text}, which are what is signed. */
  public static byte[] message(String origin, String nonce) {
    return text(origin, nonce).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Checks that the nonce is standard base64 with padding, in its one canonical spelling (no line
   * breaks, no stray bits), of {@value #MIN_NONCE_BYTES} to {@value #MAX_NONCE_BYTES} bytes.
   *
   * @throws IllegalArgumentException when it is not
   */
  public static void checkNonce(String nonce) {
    if (nonce == null) {
      throw new IllegalArgumentException("The nonce is missing");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The nonce is not base64");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(nonce)) {
      throw new IllegalArgumentException(
          "The nonce is not in canonical base64 (standard alphabet, with padding)");
    }
    if (bytes.length < MIN_NONCE_BYTES || bytes.length > MAX_NONCE_BYTES) {
      throw new IllegalArgumentException(
          "The nonce must be "
              + MIN_NONCE_BYTES
              + " to "
              + MAX_NONCE_BYTES
              + " random bytes, not "
              + bytes.length);
    }
  }

  private static void checkOrigin(String origin) {
    if (origin == null || origin.isEmpty()) {
      throw new IllegalArgumentException("The origin is missing");
    }
    if (origin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("The origin holds a control character");
    }
  }
}
