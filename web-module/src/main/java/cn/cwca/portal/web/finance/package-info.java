/** Backing beans and servlets of the finance desk (/finance/*, role FINANCE): 数电发票. */
package cn.cwca.portal.web.finance;
