package cn.cwca.portal.payment;

/** How an order is paid (扫码支付 or 对公转账); labels {@code paymentChannel.<NAME>}. */
public enum PaymentChannel {
  /** 微信支付, API v3 Native payment. */
  WECHAT,
  /** 支付宝 当面付 (precreate). */
  ALIPAY,
  /** 对公转账: confirmed by the finance staff against the bank statement. */
  BANK_TRANSFER,
  /** 模拟支付: a sandbox for trying the portal, off unless enabled. */
  SANDBOX
}
