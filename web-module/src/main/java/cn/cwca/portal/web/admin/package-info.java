/**
 * Backing beans of the staff pages under /admin (notices and announcements, SMS outbox, staff,
 * audit trail, applicant support).
 */
package cn.cwca.portal.web.admin;
