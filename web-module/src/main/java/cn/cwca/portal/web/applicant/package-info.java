/** Backing beans of the applicants' pages under /applicant (home page, personal centre, 我的KEY). */
package cn.cwca.portal.web.applicant;
