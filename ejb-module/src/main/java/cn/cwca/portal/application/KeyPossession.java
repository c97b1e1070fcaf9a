package cn.cwca.portal.application;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * Step 1 of 更新, 变更 and 变更+更新: the certificate read from the USB key counts only with the key's
 * proof that it holds that certificate's private key, so that nobody applies to renew or change a
 * certificate whose key they do not hold. The proof is 制证's ({@link
 * cn.cwca.portal.issuance.KeyProofs}): the server gives the applicant a nonce of the purpose {@link
 * #PURPOSE} when the page reads the key, the key agent signs its {@link
 * cn.cwca.portal.issuance.ProofText}, and the step sends the signature; the nonce is single use,
 * bound to the applicant, and valid {@link #VALID_FOR} (the page asks for it when the key is read,
 * and the step is saved once the rest of the form is filled in).
 */
public final class KeyPossession {

  /** The purpose of step 1's challenges ({@code key_challenge.purpose}). */
  public static final String PURPOSE = "apply:key-certificate";

  /** How long a nonce of step 1 may be answered. */
  public static final Duration VALID_FOR = Duration.ofMinutes(30);

  private KeyPossession() {}

  /**
   * Whether the draft holds this very certificate with its key proven already: saving step 1 again
   * with it (after 上一步, to change the years or the 经办人) needs no new proof.
   *
   * @param draftDer the certificate read from the key that the draft holds, or {@code null}
   * @param provenAt when the draft's certificate's key was proven, or {@code null}
   * @param readDer the certificate read from the key now
   */
  static boolean alreadyProven(byte[] draftDer, LocalDateTime provenAt, byte[] readDer) {
    return provenAt != null
        && draftDer != null
        && readDer != null
        && Arrays.equals(draftDer, readDer);
  }

  /**
   * Step 1's message key for a refusal of the proof ({@code issuance.proofRequired}, {@code
   * issuance.proofExpired}, {@code issuance.proofInvalid}): {@code application.keyProofRequired},
   * {@code application.keyProofExpired} (unknown, used, another applicant's or purpose's, or too
   * old), {@code application.keyProofInvalid}.
   */
  static String refusal(String proofRefusal) {
    return switch (proofRefusal) {
      case "issuance.proofRequired" -> "application.keyProofRequired";
      case "issuance.proofExpired" -> "application.keyProofExpired";
      default -> "application.keyProofInvalid";
    };
  }
}
