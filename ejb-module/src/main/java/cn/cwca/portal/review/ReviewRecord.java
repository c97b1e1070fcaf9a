package cn.cwca.portal.review;

import cn.cwca.portal.review.ReviewDecision.Decision;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One decision of an order's review as the reviewers see it: round, stage, 通过 or 驳回, 审核意见, who and
 * when (UTC).
 */
public record ReviewRecord(
    int round,
    int stage,
    Decision decision,
    String opinion,
    String reviewer,
    LocalDateTime decidedAt)
    implements Serializable {

  static ReviewRecord of(ReviewDecision d) {
    return new ReviewRecord(
        d.getRound(),
        d.getStage(),
        d.getDecision(),
        d.getOpinion(),
        d.getReviewer(),
        d.getDecidedAt());
  }

  /** Label key of the decision: {@code reviewDecision.APPROVE} or {@code .REJECT}. */
  public String decisionLabelKey() {
    return "reviewDecision." + decision.name();
  }

  public boolean rejected() {
    return decision == Decision.REJECT;
  }
}
