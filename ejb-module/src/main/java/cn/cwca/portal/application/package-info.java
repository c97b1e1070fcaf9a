/**
 * The certificate application (证书申请): the five-step wizard kept as a draft in the database, its
 * submission as an order, and the order's lifecycle from payment to completion ({@link
 * cn.cwca.portal.application.OrderLifecycle}); the applicant's progress grid (user manual 4.1,
 * 4.2).
 */
package cn.cwca.portal.application;
