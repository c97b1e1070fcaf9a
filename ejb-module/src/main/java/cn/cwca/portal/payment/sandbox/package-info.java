/** 模拟支付: the sandbox payment provider, for trying the portal without money; off unless enabled. */
package cn.cwca.portal.payment.sandbox;
