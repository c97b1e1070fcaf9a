/**
 * The portal's Faces pages: backing beans (one per page, the page path mirrors the package), page
 * validators and the few helpers they share. Beans call the EJB services and show their {@code
 * BusinessException}s as localised messages; they never touch the database.
 */
package cn.cwca.portal.web;
