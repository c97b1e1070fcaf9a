/**
 * Applicant and staff accounts: registration, login with throttling, password reset by SMS code and
 * the personal centre (user manual 1 to 3 and 5.1; docs/workflow.md, "Accounts and logging in").
 */
package cn.cwca.portal.account;
