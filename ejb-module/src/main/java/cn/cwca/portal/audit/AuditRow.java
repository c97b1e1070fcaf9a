package cn.cwca.portal.audit;

import java.time.LocalDateTime;

/**
 * An audit entry as stored, chain columns included, read for verification.
 *
 * @param seq its place in the chain
 * @param previousHash the hash it says precedes it
 * @param entryHash the hash it says it has
 */
public record AuditRow(
    long seq,
    LocalDateTime occurredAt,
    String actor,
    String action,
    String target,
    String details,
    String remoteAddress,
    byte[] previousHash,
    byte[] entryHash) {}
