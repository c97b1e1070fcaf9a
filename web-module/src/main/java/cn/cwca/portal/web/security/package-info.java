/**
 * Authentication and the HTTP hardening of the portal: the Jakarta Security form mechanism, the
 * identity store that asks {@link cn.cwca.portal.account.LoginService}, logout, and the security
 * headers of every response.
 */
package cn.cwca.portal.web.security;
