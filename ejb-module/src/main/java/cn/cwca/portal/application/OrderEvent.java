package cn.cwca.portal.application;

/**
 * What happens to an order, each a step of the {@link OrderLifecycle}; labels {@code
 * orderEvent.<NAME>}, audit actions {@code order.<name>} ({@link #auditAction()}).
 */
public enum OrderEvent {
  /** 提交申请 of an order with a price: it waits for payment. */
  SUBMIT,
  /** 提交申请 of a free order (the first key): it counts as paid at once. */
  SUBMIT_FREE,
  /** The payment was confirmed (provider notification, reconciliation, or a bank transfer). */
  PAY,
  /** 取消申请 by the applicant, before payment. */
  CANCEL,
  /** 通过 where one approval suffices, or the second approval. */
  APPROVE,
  /** The first of two approvals, where the service type asks for two. */
  FIRST_APPROVE,
  /** 驳回 with 审核意见. */
  REJECT,
  /** The applicant corrected a rejected order and submits it again, without paying again. */
  RESUBMIT,
  /** 制证: the certificate was issued for the order. */
  MAKE_CERTIFICATE,
  /** 自助: the certificate is confirmed on the applicant's key. */
  CONFIRM_ON_KEY,
  /** 邮寄: the key left with the courier (a waybill). */
  SHIP,
  /** 邮寄: a lost parcel is shipped again, with a new waybill. */
  RESHIP,
  /** 自取: the key waits at the counter (未领取). */
  READY_FOR_PICKUP,
  /** 签收 by the applicant. */
  SIGN,
  /** Not signed for within the configured days after shipping: completed by the system. */
  AUTO_COMPLETE,
  /** 自取: the key was handed over at the counter. */
  HAND_OVER;

  /** Label key in the messages bundle. */
  public String labelKey() {
    return "orderEvent." + name();
  }

  /** The audit trail's action for this step. */
  public String auditAction() {
    return "order." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
