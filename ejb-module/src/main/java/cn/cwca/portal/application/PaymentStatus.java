package cn.cwca.portal.application;

/**
 * 支付状态 as the progress grid shows it, derived from the {@link OrderStatus}; labels {@code
 * paymentStatus.<NAME>}. A free order counts as paid from its submission.
 */
public enum PaymentStatus {
  /** 待支付. */
  UNPAID,
  /** 已支付. */
  PAID
}
