package cn.cwca.portal.account;

/** Security roles of the portal; the group names of the identity store are these names. */
public enum Role {
  /** 申请人. */
  APPLICANT,
  /** 审核员. */
  REVIEWER,
  /** 操作员 (counter and shipping). */
  OPERATOR,
  /** 财务 (bank transfers, invoices, refunds). */
  FINANCE,
  /** 管理员. */
  ADMIN
}
