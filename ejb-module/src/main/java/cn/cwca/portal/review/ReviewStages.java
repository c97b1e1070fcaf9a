package cn.cwca.portal.review;

import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.review.ReviewDecision.Decision;

/**
 * Which step of the order a reviewer's decision is, and at which stage: an order waiting for review
 * (stage 1) is approved at once ({@link OrderEvent#APPROVE}) or, where its service type asks for a
 * second approval, approved once ({@link OrderEvent#FIRST_APPROVE}) and then waits for the second
 * approval (stage 2), which only a reviewer other than the first approver may give; 驳回 at either
 * stage rejects it.
 */
final class ReviewStages {

  private ReviewStages() {}

  /** The step a decision takes and the stage it is recorded at. */
  record Step(OrderEvent event, int stage) {}

  /**
   * The step of a decision on an order in this status.
   *
   * @param secondApproval whether the order's service type asks for a second approval
   * @param reviewer who decides
   * @param firstApprover who gave the first approval of the current round ({@code null} at stage 1)
   * @throws BusinessException {@code review.notAwaiting} when the order waits for no review; {@code
   *     review.secondApprovalSameReviewer} when the first approver would decide at stage 2
   */
  static Step of(
      OrderStatus status,
      Decision decision,
      boolean secondApproval,
      String reviewer,
      String firstApprover) {
    return switch (status) {
      case AWAITING_REVIEW ->
          new Step(
              decision == Decision.REJECT
                  ? OrderEvent.REJECT
                  : secondApproval ? OrderEvent.FIRST_APPROVE : OrderEvent.APPROVE,
              1);
      case AWAITING_SECOND_REVIEW -> {
        requireOtherThanFirstApprover(reviewer, firstApprover);
        yield new Step(decision == Decision.REJECT ? OrderEvent.REJECT : OrderEvent.APPROVE, 2);
      }
      default -> throw notAwaiting(status);
    };
  }

  /**
   * Whether the reviewer may take up an order in this status at all (claim it, decide on it): not
   * their own order, and at stage 2 not the first approver.
   *
   * @throws BusinessException {@code review.notAwaiting}, {@code review.ownOrder}, {@code
   *     review.secondApprovalSameReviewer}
   */
  static void requireMayReview(
      OrderStatus status, String owner, String reviewer, String firstApprover) {
    if (status != OrderStatus.AWAITING_REVIEW && status != OrderStatus.AWAITING_SECOND_REVIEW) {
      throw notAwaiting(status);
    }
    if (owner != null && owner.equalsIgnoreCase(reviewer)) {
      throw new BusinessException("review.ownOrder");
    }
    if (status == OrderStatus.AWAITING_SECOND_REVIEW) {
      requireOtherThanFirstApprover(reviewer, firstApprover);
    }
  }

  private static void requireOtherThanFirstApprover(String reviewer, String firstApprover) {
    if (firstApprover != null && firstApprover.equalsIgnoreCase(reviewer)) {
      throw new BusinessException("review.secondApprovalSameReviewer");
    }
  }

  private static BusinessException notAwaiting(OrderStatus status) {
    return new BusinessException("review.notAwaiting", Messages.text(status.labelKey()));
  }
}
