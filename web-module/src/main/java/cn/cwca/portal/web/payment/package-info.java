/**
 * 立即支付 (user manual 4.2): the applicant's three steps (信息确认 > 开票信息 > 扫码支付), the providers'
 * notifications, and the sandbox's 模拟支付 page.
 */
package cn.cwca.portal.web.payment;
