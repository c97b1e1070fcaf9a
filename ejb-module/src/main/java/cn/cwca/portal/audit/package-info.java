/**
 * The audit trail: who changed what, from where and when; written in the transaction of the change
 * itself and chained (a hash chain, signed by the CA) right after it commits.
 */
package cn.cwca.portal.audit;
