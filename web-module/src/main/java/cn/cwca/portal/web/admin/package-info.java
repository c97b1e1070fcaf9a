/** Backing beans of the staff pages under /admin (notices and announcements, SMS outbox). */
package cn.cwca.portal.web.admin;
