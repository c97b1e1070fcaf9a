package cn.cwca.portal.application;

/** 支付状态; labels {@code paymentStatus.<NAME>}. A free order counts as paid. */
public enum PaymentStatus {
  /** 待支付. */
  UNPAID,
  /** 已支付. */
  PAID
}
