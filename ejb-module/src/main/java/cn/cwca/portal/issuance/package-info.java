/**
 * 制证 (user manual 4.2: 制证 on an approved order; the office's keys for 邮寄 and 自取): the only way to a
 * certificate, bound to an approved, paid order; the proof that a USB key holds an old
 * certificate's key; the old certificate superseded or revoked.
 */
package cn.cwca.portal.issuance;
