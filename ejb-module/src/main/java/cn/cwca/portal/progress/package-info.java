/**
 * 进度查询 (user manual 4.2): what an applicant sees of their orders, read from the order and from what
 * review, payment, delivery and invoicing added to it.
 */
package cn.cwca.portal.progress;
