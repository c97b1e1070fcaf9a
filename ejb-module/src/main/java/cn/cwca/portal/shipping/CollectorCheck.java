package cn.cwca.portal.shipping;

import cn.cwca.portal.rules.ResidentIdNumbers;
import java.util.Objects;

/**
 * 自取 (user manual 4.1.x.3: 取证时请携带身份证原件, 需现场核对信息后取证): the key is handed over only to the 取证人 the
 * applicant named. The operator types the name and ID number from the person's ID card; the name
 * must be the one the applicant entered exactly, apart from leading and trailing spaces, and the ID
 * number the same under the resident ID rule's normal form (trimmed, a lower-case {@code x} as
 * {@code X}).
 */
public final class CollectorCheck {

  /** Characters of an ID number shown at either end; the rest is masked. */

  /** The outcome of the comparison, with the refusal's message key. */
  public enum Result {
    MATCH(null),
    NAME_MISMATCH("handOver.nameMismatch"),
    ID_NUMBER_MISMATCH("handOver.idNumberMismatch"),
    BOTH_MISMATCH("handOver.mismatch");

    private final String messageKey;

    Result(String messageKey) {
      this.messageKey = messageKey;
    }

    /** Key of the refusal in the messages bundle; {@code null} for {@link #MATCH}. */
    public String messageKey() {
      return messageKey;
    }
  }

  private CollectorCheck() {}

  /**
   * Compares what the ID card says with what the applicant entered.
   *
   * @param enteredName 取证人姓名 of the order
   * @param enteredIdNumber 取证人身份证号 of the order
   * @param cardName the name the operator read from the ID card
   * @param cardIdNumber the number the operator read from the ID card
   */
  public static Result compare(
      String enteredName, String enteredIdNumber, String cardName, String cardIdNumber) {
    boolean name = enteredName != null && Objects.equals(strip(enteredName), strip(cardName));
    boolean id =
        enteredIdNumber != null
            && Objects.equals(
                ResidentIdNumbers.normalize(enteredIdNumber),
                ResidentIdNumbers.normalize(cardIdNumber));
    if (name && id) {
      return Result.MATCH;
    }
    if (name) {
      return Result.ID_NUMBER_MISMATCH;
    }
    return id ? Result.NAME_MISMATCH : Result.BOTH_MISMATCH;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
