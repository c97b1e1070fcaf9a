package cn.cwca.portal.progress;

import cn.cwca.portal.review.ReviewDecision;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A decision on one of the applicant's orders as the applicant sees it: the round, 通过 or 驳回, 审核意见
 * and when (UTC); not who decided.
 */
public record ReviewOpinion(
    int round, int stage, boolean rejected, String opinion, LocalDateTime decidedAt)
    implements Serializable {

  static ReviewOpinion of(ReviewDecision d) {
    return new ReviewOpinion(
        d.getRound(),
        d.getStage(),
        d.getDecision() == ReviewDecision.Decision.REJECT,
        d.getOpinion(),
        d.getDecidedAt());
  }
}
