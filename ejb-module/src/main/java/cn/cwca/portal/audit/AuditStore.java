package cn.cwca.portal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain's SQL, on a JDBC connection: the lock, the head, chaining the entries committed
 * unchained, and streaming the chain for verification.
 */
public final class AuditStore {

  /** The advisory lock of the chain: {@code (hashtext(LOCK_SCOPE), hashtext(LOCK_KEY))}. */
  static final String LOCK_SCOPE = "audit";

  static final String LOCK_KEY = "chain";

  static final String LOCK_SQL =
      "SELECT 1 FROM pg_advisory_xact_lock(hashtext('"
          + LOCK_SCOPE
          + "'), hashtext('"
          + LOCK_KEY
          + "'))";

  static final String TRY_LOCK_SQL =
      "SELECT pg_try_advisory_xact_lock(hashtext('"
          + LOCK_SCOPE
          + "'), hashtext('"
          + LOCK_KEY
          + "'))";

  /** Chains a batch: arrays of ids and, at the same index, their seq, prev_hash and entry_hash. */
  static final String CHAIN_SQL =
      "UPDATE audit_entry e SET seq = v.seq, prev_hash = v.prev_hash, entry_hash = v.entry_hash"
          + " FROM unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[])"
          + " AS v(id, seq, prev_hash, entry_hash)"
          + " WHERE e.id = v.id AND e.seq IS NULL";

  /** The last chained entry: its sequence number and hash (an index scan of one row). */
  static final String HEAD_SQL =
      "SELECT seq, entry_hash FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1";

  /** The head of the chain; sequence number 0 and {@link AuditHash#GENESIS} when empty. */
  public record Head(long seq, byte[] hash) {
    static final Head EMPTY = new Head(0, AuditHash.GENESIS);
  }

  private AuditStore() {}

  /** Waits for the chain's lock, held until the connection's transaction ends. */
  static void lock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(LOCK_SQL);
        ResultSet rs = s.executeQuery()) {
      rs.next();
    }
  }

  static Head head(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(HEAD_SQL);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? new Head(rs.getLong(1), rs.getBytes(2)) : Head.EMPTY;
    }
  }

  /**
   * Takes the chain's lock unless another transaction (of this or another server) holds it; held
   * until the connection's transaction ends.
   *
   * @return whether this transaction holds the lock now
   */
  static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(TRY_LOCK_SQL);
        ResultSet rs = s.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /**
   * Chains what is pending unless another transaction is chaining, up to {@code maxBatches}
   * transactions of {@code batch} entries; the connection does not auto-commit.
   *
   * <p>A transaction that commits an entry while another holds the lock finds it taken and leaves
   * its entry to the holder: after releasing the lock (its commit) the holder therefore looks for
   * pending entries again, in a new snapshot that sees every entry committed before the other's
   * attempt, and chains them too. Only when {@code maxBatches} is reached may entries wait for the
   * next commit or the next run of the timer.
   *
   * @return how many entries were chained
   */
  static int chainUnlessBusy(Connection c, int batch, int maxBatches) throws SQLException {
    int total = 0;
    for (int round = 0; round < maxBatches; round++) {
      if (!tryLock(c)) {
        c.rollback();
        return total;
      }
      int chained = chainPending(c, batch);
      c.commit();
      total += chained;
      if (chained < batch) {
        boolean more = anyPending(c);
        c.commit();
        if (!more) {
          return total;
        }
      }
    }
    return total;
  }

  /**
   * Chains up to {@code batch} entries not chained yet, in id order, after the head; the caller
   * holds the lock (in the connection's transaction) and commits.
   *
   * <p>Two statements besides the head: one SELECT of the pending rows through the partial index
   * {@code audit_entry_unchained_idx} and one UPDATE of all of them from arrays. The content is
   * read back because the hash covers all of it after the sequence number ({@link AuditHash}), so
   * no part of it can be computed before the entry's place is known.
   *
   * @return how many were chained
   */
  static int chainPending(Connection c, int batch) throws SQLException {
    Head head = head(c);
    List<Long> ids = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    long seq = head.seq();
    byte[] previous = head.hash();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, occurred_at, actor, action, target, details, remote_address"
                + " FROM audit_entry WHERE seq IS NULL ORDER BY id LIMIT ?")) {
      s.setInt(1, batch);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          seq++;
          // read as the verification walk reads it, so that both hash the same time
          LocalDateTime at = AuditHash.storedTime(rs.getTimestamp(2).toLocalDateTime());
          previous =
              AuditHash.of(
                  seq,
                  at,
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  previous);
          ids.add(rs.getLong(1));
          hashes.add(previous);
        }
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    Long[] seqs = new Long[ids.size()];
    byte[][] previousHashes = new byte[ids.size()][];
    for (int i = 0; i < seqs.length; i++) {
      seqs[i] = head.seq() + 1 + i;
      previousHashes[i] = i == 0 ? head.hash() : hashes.get(i - 1);
    }
    try (PreparedStatement update = c.prepareStatement(CHAIN_SQL)) {
      update.setArray(1, c.createArrayOf("bigint", ids.toArray(new Long[0])));
      update.setArray(2, c.createArrayOf("bigint", seqs));
      update.setArray(3, c.createArrayOf("bytea", previousHashes));
      update.setArray(4, c.createArrayOf("bytea", hashes.toArray(new byte[0][])));
      int updated = update.executeUpdate();
      if (updated != ids.size()) {
        // Only possible when the rows were changed outside the lock: chaining them would leave a
        // gap, so the caller rolls back.
        throw new SQLException(
            "Chained " + updated + " of " + ids.size() + " pending audit entries", "55000");
      }
    }
    return ids.size();
  }

  /** Whether any entry is waiting to be chained (a probe of the partial index). */
  static boolean anyPending(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE seq IS NULL)");
        ResultSet rs = s.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /**
   * The entries not chained yet: how many, and how many of them were recorded before {@code
   * staleBefore} (UTC).
   */
  static Pending pending(Connection c, LocalDateTime staleBefore) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT count(*), count(*) FILTER (WHERE occurred_at < ?) FROM audit_entry"
                + " WHERE seq IS NULL")) {
      s.setTimestamp(1, Timestamp.valueOf(staleBefore));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Pending(rs.getLong(1), rs.getLong(2));
      }
    }
  }

  /**
   * Entries not chained yet.
   *
   * @param count all of them
   * @param stale those recorded before the time asked about
   */
  record Pending(long count, long stale) {}

  /** How many entries are not chained yet. */
  static long unchained(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM audit_entry WHERE seq IS NULL");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Gives the chain's rows to the verifier in sequence order, {@code batch} rows per query (keyset
   * paging on the unique sequence number), until the verifier stops or the chain ends.
   */
  static void walk(Connection c, int batch, AuditVerifier verifier) throws SQLException {
    long after = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, occurred_at, actor, action, target, details, remote_address, prev_hash,"
                + " entry_hash FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?")) {
      while (true) {
        s.setLong(1, after);
        s.setInt(2, batch);
        int read = 0;
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            read++;
            AuditRow row =
                new AuditRow(
                    rs.getLong(1),
                    rs.getTimestamp(2).toLocalDateTime(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getBytes(8),
                    rs.getBytes(9));
            after = row.seq();
            if (!verifier.accept(row)) {
              return;
            }
          }
        }
        if (read < batch) {
          return;
        }
      }
    }
  }
}
