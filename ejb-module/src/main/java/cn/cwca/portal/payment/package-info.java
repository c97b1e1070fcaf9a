/**
 * Payment of orders (立即支付, user manual 4.2): the payments made for an order, the providers behind
 * the {@link cn.cwca.portal.payment.PaymentProvider} seam (WeChat Pay, Alipay, bank transfer, the
 * sandbox), their notifications and the reconciliation of those that never came.
 */
package cn.cwca.portal.payment;
