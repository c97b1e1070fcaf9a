package cn.cwca.portal.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.audit.AuditVerdict.Problem;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain's hashing and the verifier, on chains built in memory and tampered with. */
class AuditVerifierTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 8, 0, 0, 123_456_789);

  /** A correctly chained trail of {@code n} entries (seq 1..n). */
  static List<AuditRow> chain(int n) {
    List<AuditRow> rows = new ArrayList<>();
    byte[] previous = AuditHash.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditRow row = entry(i, "user" + i, "details " + i, previous);
      rows.add(row);
      previous = row.entryHash();
    }
    return rows;
  }

  /** A row whose hash is right for its content at {@code seq} after {@code previous}. */
  static AuditRow entry(long seq, String actor, String details, byte[] previous) {
    LocalDateTime at = AuditHash.storedTime(T0.plusSeconds(seq));
    byte[] hash =
        AuditHash.of(seq, at, actor, "account.changed", "target", details, "10.0.0.1", previous);
    return new AuditRow(
        seq, at, actor, "account.changed", "target", details, "10.0.0.1", previous, hash);
  }

  static AuditRow renumbered(AuditRow row, long seq) {
    return new AuditRow(
        seq,
        row.occurredAt(),
        row.actor(),
        row.action(),
        row.target(),
        row.details(),
        row.remoteAddress(),
        row.previousHash(),
        row.entryHash());
  }

  private static AuditVerdict verify(List<AuditRow> rows) {
    return verify(rows, Map.of());
  }

  private static AuditVerdict verify(List<AuditRow> rows, Map<Long, byte[]> signed) {
    AuditVerifier verifier = new AuditVerifier(signed);
    for (AuditRow row : rows) {
      if (!verifier.accept(row)) {
        break;
      }
    }
    return verifier.finish(0, 0, null);
  }

  @Test
  void anUntouchedChainIsIntact() {
    AuditVerdict verdict = verify(chain(20));
    assertTrue(verdict.intact());
    assertNull(verdict.problem());
    assertEquals(20, verdict.entries());
    assertTrue(verify(List.of()).intact());
  }

  @Test
  void everyFieldIsCoveredByTheHash() {
    byte[] base = AuditHash.of(7, T0, "a", "b", "c", "d", "e", AuditHash.GENESIS);
    byte[] otherPrevious = new byte[32];
    otherPrevious[31] = 1;
    assertNotEquals(
        0,
        java.util.Arrays.compare(
            base, AuditHash.of(8, T0, "a", "b", "c", "d", "e", AuditHash.GENESIS)));
    for (byte[] other :
        List.of(
            AuditHash.of(7, T0.plusNanos(1000), "a", "b", "c", "d", "e", AuditHash.GENESIS),
            AuditHash.of(7, T0, "x", "b", "c", "d", "e", AuditHash.GENESIS),
            AuditHash.of(7, T0, "a", "x", "c", "d", "e", AuditHash.GENESIS),
            AuditHash.of(7, T0, "a", "b", "x", "d", "e", AuditHash.GENESIS),
            AuditHash.of(7, T0, "a", "b", "c", null, "e", AuditHash.GENESIS),
            AuditHash.of(7, T0, "a", "b", "c", "", "e", AuditHash.GENESIS),
            AuditHash.of(7, T0, "a", "b", "c", "d", "x", AuditHash.GENESIS),
            AuditHash.of(7, T0, "a", "b", "c", "d", "e", otherPrevious),
            // the fields are length-delimited: moving a character across a boundary changes it
            AuditHash.of(7, T0, "ab", "", "c", "d", "e", AuditHash.GENESIS))) {
      assertFalse(java.util.Arrays.equals(base, other));
    }
    assertArrayEquals(base, AuditHash.of(7, T0, "a", "b", "c", "d", "e", AuditHash.GENESIS));
  }

  @Test
  void theTimeIsHashedWithTheDatabasesPrecision() {
    assertArrayEquals(
        AuditHash.of(1, T0.withNano(123_456_000), "a", "b", "c", "d", "e", AuditHash.GENESIS),
        AuditHash.of(1, AuditHash.storedTime(T0), "a", "b", "c", "d", "e", AuditHash.GENESIS));
    assertEquals(T0.withNano(123_456_000), AuditHash.storedTime(T0));
  }

  @Test
  void aChangedFieldIsFoundAtItsPlace() {
    List<AuditRow> rows = chain(10);
    AuditRow row = rows.get(5);
    rows.set(
        5,
        new AuditRow(
            row.seq(),
            row.occurredAt(),
            row.actor(),
            row.action(),
            row.target(),
            "details changed",
            row.remoteAddress(),
            row.previousHash(),
            row.entryHash()));
    AuditVerdict verdict = verify(rows);
    assertEquals(Problem.CHANGED, verdict.problem());
    assertEquals(6, verdict.seq());
    assertEquals(5, verdict.entries());
  }

  @Test
  void aChangedEntryWhoseHashWasRecomputedIsFoundThroughTheNextOne() {
    List<AuditRow> rows = chain(10);
    AuditRow row = rows.get(5);
    rows.set(5, entry(6, "someone else", "details 6", row.previousHash()));
    AuditVerdict verdict = verify(rows);
    assertEquals(Problem.CHANGED, verdict.problem());
    assertEquals(6, verdict.seq());
  }

  @Test
  void aRemovedEntryIsFoundAtItsPlace() {
    List<AuditRow> rows = chain(10);
    rows.remove(3);
    AuditVerdict verdict = verify(rows);
    assertEquals(Problem.REMOVED, verdict.problem());
    assertEquals(4, verdict.seq());
  }

  @Test
  void aRemovedEntryIsFoundEvenWhenTheRestWasRenumbered() {
    List<AuditRow> rows = chain(10);
    rows.remove(3);
    for (int i = 3; i < rows.size(); i++) {
      rows.set(i, renumbered(rows.get(i), i + 1));
    }
    AuditVerdict verdict = verify(rows);
    assertEquals(Problem.REMOVED, verdict.problem());
    assertEquals(4, verdict.seq());
  }

  @Test
  void removingTheLastEntriesIsFoundByTheSignedHead() {
    List<AuditRow> rows = chain(10);
    Map<Long, byte[]> signed = Map.of(8L, rows.get(7).entryHash());
    List<AuditRow> truncated = new ArrayList<>(rows.subList(0, 6));
    AuditVerdict verdict = verify(truncated, signed);
    assertEquals(Problem.REMOVED, verdict.problem());
    assertEquals(7, verdict.seq());
    assertTrue(verify(rows, signed).intact());
  }

  @Test
  void anInsertedEntryIsFoundAtItsPlaceEvenWithACorrectHash() {
    List<AuditRow> rows = chain(10);
    AuditRow forged = entry(5, "intruder", "forged", rows.get(3).entryHash());
    rows.add(4, forged);
    for (int i = 5; i < rows.size(); i++) {
      rows.set(i, renumbered(rows.get(i), i + 1));
    }
    AuditVerdict verdict = verify(rows);
    assertEquals(Problem.INSERTED, verdict.problem());
    assertEquals(5, verdict.seq());
  }

  @Test
  void aReorderedEntryIsFoundAtItsPlace() {
    List<AuditRow> rows = chain(10);
    AuditRow sixth = rows.get(5);
    AuditRow seventh = rows.get(6);
    rows.set(5, renumbered(seventh, 6));
    rows.set(6, renumbered(sixth, 7));
    AuditVerdict verdict = verify(rows);
    assertEquals(Problem.MOVED, verdict.problem());
    assertEquals(6, verdict.seq());
  }

  @Test
  void aRewrittenChainIsFoundByTheSignedHead() {
    List<AuditRow> original = chain(10);
    Map<Long, byte[]> signed = Map.of(8L, original.get(7).entryHash());
    // Entry 3 changed and every hash after it recomputed: consistent, but not what the CA signed.
    List<AuditRow> rewritten = new ArrayList<>(original.subList(0, 2));
    byte[] previous = rewritten.get(1).entryHash();
    for (int i = 3; i <= 10; i++) {
      AuditRow row = entry(i, i == 3 ? "intruder" : "user" + i, "details " + i, previous);
      rewritten.add(row);
      previous = row.entryHash();
    }
    assertTrue(verify(rewritten).intact(), "without a signed head the rewrite is consistent");
    AuditVerdict verdict = verify(rewritten, signed);
    assertEquals(Problem.HEAD_MISMATCH, verdict.problem());
    assertEquals(8, verdict.seq());
  }
}
