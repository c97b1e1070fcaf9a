/**
 * Review (审核) of paid orders by the reviewers: their decisions, every round kept (user manual 4.2:
 * 审核状态 and 审核意见).
 */
package cn.cwca.portal.review;
