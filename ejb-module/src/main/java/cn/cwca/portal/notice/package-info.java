/** Notices (通知) and announcements (公告) that staff publish and applicants read on the home page. */
package cn.cwca.portal.notice;
