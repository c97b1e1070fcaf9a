package cn.cwca.portal.account;

/** Who holds an account; decides what the login name is (证件号码, 统一社会信用代码 or a staff user name). */
public enum AccountType {
  /** 自然人: logs in with the resident ID or passport number. */
  NATURAL_PERSON,
  /** 机构/企业: logs in with the unified social credit code. */
  ORGANISATION,
  /** 审核员/管理员: logs in with a user name given by an administrator. */
  STAFF
}
