package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.review.ReviewDecision.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which step a decision takes, at which stage, and who may give the second approval. */
class ReviewStagesTest {

  private static final String FIRST = "reviewer-a";
  private static final String SECOND = "reviewer-b";

  @Test
  void oneApprovalApprovesWhereThePolicyAsksForOne() {
    assertEquals(
        new ReviewStages.Step(OrderEvent.APPROVE, 1),
        ReviewStages.of(OrderStatus.AWAITING_REVIEW, Decision.APPROVE, false, FIRST, null));
  }

  @Test
  void theFirstOfTwoApprovalsLeadsToTheSecondStage() {
    assertEquals(
        new ReviewStages.Step(OrderEvent.FIRST_APPROVE, 1),
        ReviewStages.of(OrderStatus.AWAITING_REVIEW, Decision.APPROVE, true, FIRST, null));
    assertEquals(
        new ReviewStages.Step(OrderEvent.APPROVE, 2),
        ReviewStages.of(OrderStatus.AWAITING_SECOND_REVIEW, Decision.APPROVE, true, SECOND, FIRST));
  }

  @Test
  void aRejectionRejectsAtEitherStage() {
    assertEquals(
        new ReviewStages.Step(OrderEvent.REJECT, 1),
        ReviewStages.of(OrderStatus.AWAITING_REVIEW, Decision.REJECT, true, FIRST, null));
    assertEquals(
        new ReviewStages.Step(OrderEvent.REJECT, 2),
        ReviewStages.of(OrderStatus.AWAITING_SECOND_REVIEW, Decision.REJECT, true, SECOND, FIRST));
  }

  @Test
  void theFirstApproverGivesNoSecondApprovalNorRejectsAtTheSecondStage() {
    for (Decision decision : Decision.values()) {
      BusinessException e =
          assertThrows(
              BusinessException.class,
              () ->
                  ReviewStages.of(
                      OrderStatus.AWAITING_SECOND_REVIEW, decision, true, FIRST, FIRST));
      assertEquals("review.secondApprovalSameReviewer", e.messageKey());
    }
    assertEquals(
        "review.secondApprovalSameReviewer",
        assertThrows(
                BusinessException.class,
                () ->
                    ReviewStages.requireMayReview(
                        OrderStatus.AWAITING_SECOND_REVIEW, "APPLICANT1", "Reviewer-A", FIRST))
            .messageKey(),
        "login names in any case");
  }

  @Test
  void theSecondStageStaysWhateverThePolicySaysNow() {
    assertEquals(
        new ReviewStages.Step(OrderEvent.APPROVE, 2),
        ReviewStages.of(
            OrderStatus.AWAITING_SECOND_REVIEW, Decision.APPROVE, false, SECOND, FIRST));
  }

  @Test
  void nobodyReviewsTheirOwnOrder() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                ReviewStages.requireMayReview(
                    OrderStatus.AWAITING_REVIEW, "37010219800101666X", "37010219800101666x", null));
    assertEquals("review.ownOrder", e.messageKey());
    ReviewStages.requireMayReview(OrderStatus.AWAITING_REVIEW, "37010219800101666X", SECOND, null);
    ReviewStages.requireMayReview(OrderStatus.AWAITING_SECOND_REVIEW, "X", SECOND, FIRST);
  }

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"AWAITING_REVIEW", "AWAITING_SECOND_REVIEW"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyAnOrderWaitingForReviewIsDecided(OrderStatus status) {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> ReviewStages.of(status, Decision.APPROVE, false, FIRST, null));
    assertEquals("review.notAwaiting", e.messageKey());
    assertEquals(
        "review.notAwaiting",
        assertThrows(
                BusinessException.class,
                () -> ReviewStages.requireMayReview(status, "OWNER", FIRST, null))
            .messageKey());
  }
}
