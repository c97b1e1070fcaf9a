package cn.cwca.portal.audit;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What a verification of the audit trail found.
 *
 * @param problem null when the chain is intact
 * @param seq the sequence number the problem names (the first bad place of the chain); 0 when
 *     intact
 * @param entries the entries verified (the whole chain when intact, up to the problem otherwise)
 * @param unchained entries not chained yet (committed while 校验 ran, or left by a chaining that
 *     failed)
 * @param signedHeads the signed heads checked
 * @param lastSignedSeq the sequence number of the newest signed head; 0 when none
 * @param lastSignedAt when it was signed; null when none
 * @param stale of the unchained entries, those recorded more than {@value #STALE_SECONDS} seconds
 *     ago: the chaining is not running (see {@link #chainingStalled()})
 */
public record AuditVerdict(
    Problem problem,
    long seq,
    long entries,
    long unchained,
    long signedHeads,
    long lastSignedSeq,
    LocalDateTime lastSignedAt,
    long stale)
    implements Serializable {

  /**
   * An entry is chained within about a second of its commit, by the next run of the chaining timer;
   * one still unchained after this long says the chaining is not running.
   */
  public static final int STALE_SECONDS = 60;

  /** A verdict without stale entries. */
  public AuditVerdict(
      Problem problem,
      long seq,
      long entries,
      long unchained,
      long signedHeads,
      long lastSignedSeq,
      LocalDateTime lastSignedAt) {
    this(problem, seq, entries, unchained, signedHeads, lastSignedSeq, lastSignedAt, 0);
  }

  /** What is wrong with the chain, at {@link #seq()}. */
  public enum Problem {
    /** The entry's content (or its stored hashes) was changed. */
    CHANGED,
    /** The entry at this place was removed (a gap, or the entries after it were renumbered). */
    REMOVED,
    /** The entry at this place was inserted: the next one links to the one before it. */
    INSERTED,
    /** The entry at this place belongs elsewhere (entries were reordered). */
    MOVED,
    /** The entry does not have the hash the CA signed for this place: the chain was rewritten. */
    HEAD_MISMATCH,
    /** The CA's signature of the head signed for this place does not verify. */
    SIGNATURE_INVALID
  }

  public boolean intact() {
    return problem == null;
  }

  /** Whether entries stayed unchained for longer than the chaining ever takes. */
  public boolean chainingStalled() {
    return stale > 0;
  }

  /** This verdict, saying that {@code count} of its unchained entries are stale. */
  AuditVerdict withStale(long count) {
    return new AuditVerdict(
        problem, seq, entries, unchained, signedHeads, lastSignedSeq, lastSignedAt, count);
  }
}
