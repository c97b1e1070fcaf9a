/** Delivery of the keys (邮寄-收方付): the waybills of an order (user manual 4.1.x.3, 4.2 快递信息). */
package cn.cwca.portal.shipping;
