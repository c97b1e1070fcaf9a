package cn.cwca.portal.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one definition of an audit entry's hash: SHA-256 over its canonical encoding, which is, in
 * this order,
 *
 * <ol>
 *   <li>the domain {@value #DOMAIN} as a string;
 *   <li>the sequence number, 8 bytes big-endian;
 *   <li>the time (UTC) in microseconds since 1970-01-01T00:00Z, 8 bytes big-endian;
 *   <li>actor, action, target, details, client address, each as a string;
 *   <li>the previous entry's hash, 32 bytes ({@link #GENESIS}, all zero, before the first).
 * </ol>
 *
 * A string is its length in UTF-8 bytes (4 bytes big-endian; -1 for null, the only value that may
 * be null being the details) followed by those bytes. Every field is length-delimited, so no two
 * distinct entries share an encoding. The time has the precision of PostgreSQL's {@code timestamp}
 * (microseconds): entries are stored with the time they were hashed with.
 */
public final class AuditHash {

  /** Domain separation and version of the encoding. */
  static final String DOMAIN = "cn.cwca.portal.audit-entry/1";

  /** The length of a hash in bytes. */
  public static final int LENGTH = 32;

  /** The "previous hash" of the first entry. */
  static final byte[] GENESIS = new byte[LENGTH];

  private AuditHash() {}

  /** The time as stored and hashed: truncated to microseconds. */
  static LocalDateTime storedTime(LocalDateTime time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  /** The hash of one entry (see the class comment). */
  static byte[] of(
      long seq,
      LocalDateTime occurredAt,
      String actor,
      String action,
      String target,
      String details,
      String remoteAddress,
      byte[] previousHash) {
    return sha256(
        encode(seq, occurredAt, actor, action, target, details, remoteAddress, previousHash));
  }

  /** The hash of a stored row at the given place of the chain, with the row's own previous hash. */
  static byte[] of(AuditRow row, long seq) {
    return of(
        seq,
        row.occurredAt(),
        row.actor(),
        row.action(),
        row.target(),
        row.details(),
        row.remoteAddress(),
        row.previousHash());
  }

  static byte[] encode(
      long seq,
      LocalDateTime occurredAt,
      String actor,
      String action,
      String target,
      String details,
      String remoteAddress,
      byte[] previousHash) {
    if (previousHash == null || previousHash.length != LENGTH) {
      throw new IllegalArgumentException("the previous hash must have " + LENGTH + " bytes");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      string(out, DOMAIN);
      out.writeLong(seq);
      out.writeLong(micros(occurredAt));
      string(out, actor);
      string(out, action);
      string(out, target);
      string(out, details);
      string(out, remoteAddress);
      out.write(previousHash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static long micros(LocalDateTime time) {
    java.time.Instant instant = time.toInstant(ZoneOffset.UTC);
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
