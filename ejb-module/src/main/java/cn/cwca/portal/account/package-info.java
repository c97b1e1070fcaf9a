/**
 * Applicant and staff accounts: registration, login with throttling, password reset by SMS code and
 * the personal centre (PRODUCT.md "Account rules").
 */
package cn.cwca.portal.account;
