/**
 * WeChat Pay (微信支付) API v3 Native payment behind the {@link cn.cwca.portal.payment.PaymentProvider}
 * seam, through the official {@code wechatpay-java} SDK.
 */
package cn.cwca.portal.payment.wechat;
