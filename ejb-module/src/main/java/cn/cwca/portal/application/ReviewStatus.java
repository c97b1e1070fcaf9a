package cn.cwca.portal.application;

/**
 * 审核状态 as the progress grid shows it (user manual 4.2), derived from the {@link OrderStatus};
 * labels {@code reviewStatus.<NAME>}.
 */
public enum ReviewStatus {
  /** 待审核: waiting for payment or for a reviewer. */
  PENDING,
  /** 通过: approved, and not yet in the applicant's hands. */
  APPROVED,
  /** 驳回, with 审核意见. */
  REJECTED,
  /** 用户已取消. */
  CANCELLED,
  /** 已完成. */
  COMPLETED,
  /** 未领取: a 自取 order whose key waits at the counter. */
  AWAITING_PICKUP
}
