/**
 * Alipay 当面付 (precreate: the buyer scans the portal's QR code) behind the {@link
 * cn.cwca.portal.payment.PaymentProvider} seam, through Alipay's official SDK in public-key mode
 * with RSA2 signatures.
 */
package cn.cwca.portal.payment.alipay;
