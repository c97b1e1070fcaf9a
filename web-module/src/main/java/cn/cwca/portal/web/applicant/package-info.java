/** Backing beans of the applicants' pages under /applicant (home page, personal centre). */
package cn.cwca.portal.web.applicant;
