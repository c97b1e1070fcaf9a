/**
 * Certificate applications (证书申请): the five-step wizard kept as a draft in the database, the six
 * service types and their rules, key pickup, documents, submission and the applicant's progress
 * grid (PRODUCT.md "The application wizard", "Documents", "After submission"; user manual 4.1,
 * 4.2).
 */
package cn.cwca.portal.application;
