/**
 * 统计报表: the figures of the staff's dashboard (orders, revenue, lead times, orders waiting),
 * computed by aggregates in PostgreSQL over Beijing days, never by loading orders.
 */
package cn.cwca.portal.report;
