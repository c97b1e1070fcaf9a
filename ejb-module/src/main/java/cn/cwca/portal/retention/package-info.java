/**
 * How long records that only serve a short purpose are kept: login attempts (throttling), spent SMS
 * codes and the SMS outbox are purged by a daily job; the audit trail is kept.
 */
package cn.cwca.portal.retention;
