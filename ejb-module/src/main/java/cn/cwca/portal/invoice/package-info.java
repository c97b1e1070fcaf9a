/**
 * 数电发票 (user manual 4.2, 立即支付 开票信息): the buyer data an applicant gives with an order, and the
 * invoices the finance staff issue in the tax platform and record here, with their red-letter
 * reversals.
 */
package cn.cwca.portal.invoice;
