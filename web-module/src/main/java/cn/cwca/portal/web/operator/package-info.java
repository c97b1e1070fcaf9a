/**
 * Backing beans of the operators' pages (/operator/*, role OPERATOR): delivery of the keys, 邮寄-收方付
 * (发货, 重新发货) and 自取 at the counter (待领取, 确认交付).
 */
package cn.cwca.portal.web.operator;
