/**
 * Outgoing SMS: the gateway a real provider plugs into, and the outbox that the shipped gateway
 * writes to.
 */
package cn.cwca.portal.sms;
