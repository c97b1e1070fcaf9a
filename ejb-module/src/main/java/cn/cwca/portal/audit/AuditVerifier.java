package cn.cwca.portal.audit;

import cn.cwca.portal.audit.AuditVerdict.Problem;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;

/**
 * Walks the chain one stored row at a time, in sequence order, keeping only the last two rows: the
 * caller streams the rows in batches. Stops at the first problem and names its place:
 *
 * <ul>
 *   <li>a gap in the sequence numbers: the missing entry was {@link Problem#REMOVED removed};
 *   <li>a row that links to its predecessor but whose hash does not match its content: {@link
 *       Problem#CHANGED changed};
 *   <li>a row that links to the predecessor of its predecessor: the predecessor was {@link
 *       Problem#INSERTED inserted};
 *   <li>a row that does not link and whose hash matches its content at the next place, followed by
 *       a row whose hash matches at the place before and that links to the last good row: {@link
 *       Problem#MOVED moved} (reordered); otherwise an entry at this place was {@link
 *       Problem#REMOVED removed} and the rest renumbered;
 *   <li>a row that does not link but whose own hash is right: its predecessor was {@link
 *       Problem#CHANGED changed} and its hash recomputed;
 *   <li>any other row that does not link: {@link Problem#CHANGED changed};
 *   <li>a row whose hash is not the hash the CA signed for its place: {@link Problem#HEAD_MISMATCH}
 *       (the chain was recomputed after a change);
 *   <li>a signed head beyond the last row: the entries after the last row were {@link
 *       Problem#REMOVED removed}.
 * </ul>
 */
public final class AuditVerifier {

  /** The head hashes the CA signed, by sequence number. */
  private final Map<Long, byte[]> signedHeads;

  private long expected = 1;
  private AuditRow previous;

  /** A row that broke the chain and may have been moved; decided by the row after it. */
  private AuditRow suspect;

  private byte[] hashBeforeSuspect;
  private long verified;
  private Problem problem;
  private long problemSeq;

  /**
   * @param signedHeads the signed head hashes by sequence number (whose signatures were checked
   *     already)
   */
  public AuditVerifier(Map<Long, byte[]> signedHeads) {
    this.signedHeads = Map.copyOf(signedHeads);
  }

  /**
   * Checks the next row of the chain.
   *
   * @return whether to go on (false once a problem was found)
   */
  public boolean accept(AuditRow row) {
    if (problem != null) {
      return false;
    }
    if (suspect != null) {
      boolean moved =
          row.seq() == suspect.seq() + 1
              && Arrays.equals(AuditHash.of(row, suspect.seq()), row.entryHash())
              && Arrays.equals(row.previousHash(), hashBeforeSuspect);
      return fail(moved ? Problem.MOVED : Problem.REMOVED, suspect.seq());
    }
    if (row.seq() != expected) {
      return fail(row.seq() > expected ? Problem.REMOVED : Problem.MOVED, expected);
    }
    byte[] before = previous == null ? AuditHash.GENESIS : previous.entryHash();
    boolean linked = Arrays.equals(row.previousHash(), before);
    boolean intact =
        row.previousHash() != null
            && row.previousHash().length == AuditHash.LENGTH
            && Arrays.equals(AuditHash.of(row, row.seq()), row.entryHash());
    if (!linked) {
      if (previous != null && Arrays.equals(row.previousHash(), previous.previousHash())) {
        return fail(Problem.INSERTED, previous.seq());
      }
      if (intact) {
        // Its predecessor's hash is not the one it was chained after: the predecessor was changed
        // and its hash recomputed.
        return fail(Problem.CHANGED, previous == null ? row.seq() : previous.seq());
      }
      if (row.previousHash() != null
          && row.previousHash().length == AuditHash.LENGTH
          && Arrays.equals(AuditHash.of(row, row.seq() + 1), row.entryHash())) {
        suspect = row;
        hashBeforeSuspect = before;
        return true;
      }
      return fail(Problem.CHANGED, row.seq());
    }
    if (!intact) {
      return fail(Problem.CHANGED, row.seq());
    }
    byte[] signed = signedHeads.get(row.seq());
    if (signed != null && !Arrays.equals(signed, row.entryHash())) {
      return fail(Problem.HEAD_MISMATCH, row.seq());
    }
    previous = row;
    expected++;
    verified++;
    return true;
  }

  private boolean fail(Problem found, long seq) {
    problem = found;
    problemSeq = seq;
    return false;
  }

  /** The last row was given: what was found. */
  public AuditVerdict finish(long unchained, long lastSignedSeq, LocalDateTime lastSignedAt) {
    if (problem == null && suspect != null) {
      fail(Problem.REMOVED, suspect.seq());
    }
    if (problem == null) {
      long last = expected - 1;
      signedHeads.keySet().stream()
          .filter(seq -> seq > last)
          .findAny()
          .ifPresent(beyond -> fail(Problem.REMOVED, last + 1));
    }
    return new AuditVerdict(
        problem,
        problem == null ? 0 : problemSeq,
        verified,
        unchained,
        signedHeads.size(),
        lastSignedSeq,
        lastSignedAt);
  }
}
