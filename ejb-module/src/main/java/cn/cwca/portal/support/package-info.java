/**
 * Applicant support for the 系统管理员 (issue 13, "The staff console"): finding an applicant, seeing
 * their orders, certificates and audit trail, unlocking a throttled login, rebinding a mobile
 * number after checking identity, and handing an organisation's account to the verified owner of
 * its credit code (docs/operations.md, "Applicant support").
 */
package cn.cwca.portal.support;
