package cn.cwca.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Chaining committed entries through a real PostgreSQL (a {@link ThrowawayDatabase}; skipped when
 * there is no server): business transactions write their entries unchained, as {@link AuditLog}
 * does, while two chainers ({@link AuditStore#chainUnlessBusy}, as the chaining timers of two
 * servers run it) chain them concurrently under the try-lock.
 */
class AuditChainingPostgresTest {

  private static final int WRITERS = 6;
  private static final int TRANSACTIONS = 80;
  private static final int CHAINERS = 2;

  /** Small batches, so that the chainers take turns many times. */
  private static final int BATCH = 7;

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = ThrowawayDatabase.create("audit_chaining_test");
    dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void concurrentCommitsAndTwoChainersMakeOneGapFreeChainInCommitOrder() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch chainersStarted = new CountDownLatch(CHAINERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + CHAINERS);
    int committed = 0;
    try {
      List<Future<Integer>> chainers = new ArrayList<>();
      for (int i = 0; i < CHAINERS; i++) {
        chainers.add(
            pool.submit(
                () -> {
                  chainersStarted.countDown();
                  int chained = 0;
                  while (writing.get()) {
                    chained += chainUnlessBusy(10);
                  }
                  // the last call after the last commit: by the try-lock protocol it leaves
                  // nothing behind, whichever of the two chainers holds the lock
                  return chained + chainUnlessBusy(Integer.MAX_VALUE);
                }));
      }
      chainersStarted.await();
      List<Future<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String actor = run + "-" + w;
        writers.add(pool.submit(() -> write(actor)));
      }
      for (Future<Integer> writer : writers) {
        committed += writer.get();
      }
      writing.set(false);
      for (Future<Integer> chainer : chainers) {
        chainer.get();
      }
    } finally {
      pool.shutdown();
    }

    try (Connection c = dataSource.getConnection()) {
      assertEquals(0, AuditStore.unchained(c), "every committed entry is chained");
      AuditVerifier verifier = new AuditVerifier(Map.of());
      AuditStore.walk(c, 100, verifier);
      AuditVerdict verdict = verifier.finish(0, 0, null);
      assertTrue(verdict.intact(), verdict::toString);
      assertEquals(committed, count(c, run + "-%"));
      assertTrue(verdict.entries() >= committed);
      for (int w = 0; w < WRITERS; w++) {
        assertChainedInCommitOrder(c, run + "-" + w);
      }
    }
  }

  @Test
  void aChainerReturnsAtOnceWhileAnotherHoldsTheChainAndChainsOnceItIsFree() throws Exception {
    String actor = "busy-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      assertTrue(AuditStore.tryLock(holder));
      try (Connection business = dataSource.getConnection()) {
        insert(business, actor, "waits for the holder");
      }
      assertEquals(0, chainUnlessBusy(10), "the lock is taken: nothing chained, no waiting");
      try (Connection c = dataSource.getConnection()) {
        assertEquals(1, count(c, actor) - chainedCount(c, actor));
      }
      holder.commit();
    }
    assertTrue(chainUnlessBusy(10) >= 1);
    try (Connection c = dataSource.getConnection()) {
      assertEquals(1, chainedCount(c, actor));
      assertFalse(AuditStore.anyPending(c));
    }
  }

  @Test
  void staleEntriesAreTheUnchainedOnesRecordedBeforeTheGivenTime() throws Exception {
    String actor = "stale-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection holder = dataSource.getConnection()) {
      // holding the chain keeps concurrent tests' chainers from chaining these meanwhile
      holder.setAutoCommit(false);
      AuditStore.lock(holder);
      try (Connection c = dataSource.getConnection()) {
        insert(c, actor, "recorded long ago", LocalDateTime.now().minusMinutes(5));
        insert(c, actor, "recorded just now", LocalDateTime.now());
        AuditStore.Pending pending = AuditStore.pending(c, LocalDateTime.now().minusSeconds(60));
        assertTrue(pending.count() >= 2);
        assertTrue(pending.stale() >= 1);
        assertTrue(pending.stale() < pending.count());
      }
      assertEquals(2, AuditStore.chainPending(holder, 1_000));
      holder.commit();
    }
    try (Connection c = dataSource.getConnection()) {
      assertEquals(new AuditStore.Pending(0, 0), AuditStore.pending(c, LocalDateTime.now()));
    }
  }

  /**
   * One writer's business transactions, one after the other: mostly one entry, every third two,
   * every fifth rolled back (leaving nothing).
   *
   * @return the entries committed
   */
  private static int write(String actor) throws SQLException {
    int committed = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (int t = 0; t < TRANSACTIONS; t++) {
        int entries = t % 3 == 0 ? 2 : 1;
        for (int e = 0; e < entries; e++) {
          insert(c, actor, "transaction " + t + " entry " + e);
        }
        if (t % 5 == 4) {
          c.rollback();
        } else {
          c.commit();
          committed += entries;
        }
      }
    }
    return committed;
  }

  /** Chains as {@link AuditChainer} does, on a connection of its own. */
  private static int chainUnlessBusy(int maxBatches) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      return AuditStore.chainUnlessBusy(c, BATCH, maxBatches);
    }
  }

  private static void insert(Connection c, String actor, String details) throws SQLException {
    insert(c, actor, details, LocalDateTime.now());
  }

  /** An entry as {@link AuditLog#record} writes it: unchained. */
  private static void insert(Connection c, String actor, String details, LocalDateTime at)
      throws SQLException {
    AuditEntry entry = new AuditEntry(actor, "account.changed", "target", details, "10.0.0.3", at);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO audit_entry (id, actor, action, target, details, remote_address,"
                + " occurred_at) VALUES (nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, entry.getActor());
      insert.setString(2, entry.getAction());
      insert.setString(3, entry.getTarget());
      insert.setString(4, entry.getDetails());
      insert.setString(5, entry.getRemoteAddress());
      insert.setTimestamp(6, Timestamp.valueOf(entry.getOccurredAt()));
      insert.executeUpdate();
    }
  }

  /** One writer commits one transaction after the other: its entries' places follow that order. */
  private static void assertChainedInCommitOrder(Connection c, String actor) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT seq FROM audit_entry WHERE actor = ? ORDER BY id")) {
      s.setString(1, actor);
      long last = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          assertTrue(seq > last, actor + ": entry at " + seq + " after " + last);
          last = seq;
        }
      }
    }
  }

  private static long count(Connection c, String actorLike) throws SQLException {
    return single(c, "SELECT count(*) FROM audit_entry WHERE actor LIKE ?", actorLike);
  }

  private static long chainedCount(Connection c, String actor) throws SQLException {
    return single(c, "SELECT count(*) FROM audit_entry WHERE actor = ? AND seq IS NOT NULL", actor);
  }

  private static long single(Connection c, String sql, String parameter) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
