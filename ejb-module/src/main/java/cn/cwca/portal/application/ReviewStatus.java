package cn.cwca.portal.application;

/** 审核状态 of an application (PRODUCT.md "After submission"); labels {@code reviewStatus.<NAME>}. */
public enum ReviewStatus {
  /** 草稿: the wizard is not finished; never shown in the progress grid. */
  DRAFT,
  /** 待审核. */
  PENDING,
  /** 通过. */
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
