/**
 * Delivery of the keys (user manual 4.1.x.3, 4.2 快递信息 and 签收): 邮寄-收方付 with the waybills of an
 * order, the applicant's 签收 and the auto-completion of keys not signed for, and 自取 with the
 * counter's hand-over to the 取证人 the applicant named.
 */
package cn.cwca.portal.shipping;
