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
 * The chain's SQL, on a JDBC connection: the lock, the head, chaining the entries written before
 * the chain, and streaming the chain for verification.
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
   * Chains up to {@code batch} entries not chained yet, in id order, after the head; the caller
   * holds the lock (in the connection's transaction) and commits.
   *
   * @return how many were chained
   */
  static int chainPending(Connection c, int batch) throws SQLException {
    Head head = head(c);
    List<Object[]> pending = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, occurred_at, actor, action, target, details, remote_address"
                + " FROM audit_entry WHERE seq IS NULL ORDER BY id LIMIT ?")) {
      s.setInt(1, batch);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          pending.add(
              new Object[] {
                rs.getLong(1),
                rs.getTimestamp(2).toLocalDateTime(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7)
              });
        }
      }
    }
    if (pending.isEmpty()) {
      return 0;
    }
    long seq = head.seq();
    byte[] previous = head.hash();
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE audit_entry SET seq = ?, prev_hash = ?, entry_hash = ?, occurred_at = ?"
                + " WHERE id = ? AND seq IS NULL")) {
      for (Object[] row : pending) {
        seq++;
        LocalDateTime at = AuditHash.storedTime((LocalDateTime) row[1]);
        byte[] hash =
            AuditHash.of(
                seq,
                at,
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                previous);
        update.setLong(1, seq);
        update.setBytes(2, previous);
        update.setBytes(3, hash);
        update.setTimestamp(4, Timestamp.valueOf(at));
        update.setLong(5, (Long) row[0]);
        update.addBatch();
        previous = hash;
      }
      update.executeBatch();
    }
    return pending.size();
  }

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
