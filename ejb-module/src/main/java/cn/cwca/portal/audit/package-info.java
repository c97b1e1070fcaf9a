/**
 * The audit trail: who changed what, from where and when; written in the transaction of the change
 * itself.
 */
package cn.cwca.portal.audit;
