package cn.cwca.portal.report;

import java.io.Serializable;

/**
 * Every figure of 统计报表 over one range.
 *
 * @param paymentToApproval from 支付 (or the submission of a free order) to 审核通过
 * @param approvalToCompletion from 审核通过 to 已完成
 */
public record Dashboard(
    ReportRange range,
    OrderCounts orders,
    Revenue revenue,
    LeadTime paymentToApproval,
    LeadTime approvalToCompletion)
    implements Serializable {}
