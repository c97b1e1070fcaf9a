package cn.cwca.portal.review;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.review.ReviewDecision.Decision;
import java.util.List;

/**
 * 审核意见: required on 驳回 (chosen from the preset reasons or written freely), optional on 通过; at most
 * {@value #MAX_LENGTH} characters, kept as written apart from surrounding spaces, Windows line ends
 * and control characters other than line breaks and tabs.
 */
final class ReviewOpinions {

  /** Longest opinion, in characters (code points); the column holds 500. */
  static final int MAX_LENGTH = 500;

  /** Keys of the preset reasons of 驳回 in the messages bundle, in the order the menu lists them. */
  static final List<String> PRESET_REASON_KEYS =
      List.of(
          "review.reason.licenceUnclear",
          "review.reason.formNotSealed",
          "review.reason.agentIdUnclear",
          "review.reason.authorisationInvalid",
          "review.reason.dataMismatch");

  private ReviewOpinions() {}

  /**
   * The opinion to record with the decision; {@code null} for an empty one on 通过.
   *
   * @throws BusinessException {@code review.opinionRequired} for 驳回 without an opinion; {@code
   *     review.opinionTooLong}
   */
  static String checked(Decision decision, String opinion) {
    String text = clean(opinion);
    if (text.isEmpty()) {
      if (decision == Decision.REJECT) {
        throw new BusinessException("review.opinionRequired");
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
      throw new BusinessException("review.opinionTooLong", MAX_LENGTH);
    }
    return text;
  }

  private static String clean(String opinion) {
    if (opinion == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder(opinion.length());
    opinion
        .replace("\r\n", "\n")
        .codePoints()
        .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
        .forEach(kept::appendCodePoint);
    return kept.toString().strip();
  }
}
