package cn.cwca.portal.review;

import cn.cwca.portal.application.OrderStatus;
import java.io.Serializable;

/**
 * What a decision did: the order's new status ({@link OrderStatus#APPROVED}, {@link
 * OrderStatus#AWAITING_SECOND_REVIEW} after a first approval, or {@link OrderStatus#REJECTED}),
 * recorded at this round and stage.
 */
public record DecisionOutcome(String publicId, OrderStatus status, int round, int stage)
    implements Serializable {

  /** A first approval: the order waits for another reviewer's second approval. */
  public boolean awaitsSecondApproval() {
    return status == OrderStatus.AWAITING_SECOND_REVIEW;
  }
}
