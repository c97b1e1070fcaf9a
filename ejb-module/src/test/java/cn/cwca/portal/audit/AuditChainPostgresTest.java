package cn.cwca.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.audit.AuditVerdict.Problem;
import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The chain's SQL through a real PostgreSQL (a {@link ThrowawayDatabase}; skipped when there is no
 * server): the entries written before V14 are chained, appends from 8 concurrent transactions under
 * the advisory lock make one chain without gaps or forks, and a row changed or deleted with plain
 * SQL is found at its place.
 */
class AuditChainPostgresTest {

  private static final int BEFORE = 120;
  private static final int THREADS = 8;
  private static final int PER_THREAD = 60;

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = ThrowawayDatabase.create("audit_chain_test");
    dataSource = database.dataSource();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void entriesBeforeTheChainAndConcurrentAppendsMakeOneVerifiableChain() throws Exception {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target(MigrationVersion.fromVersion("13"))
        .load()
        .migrate();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_entry (id, actor, action, target, details, remote_address,"
                    + " occurred_at) VALUES (nextval('audit_entry_seq'), ?, 'account.changed', ?,"
                    + " ?, '10.0.0.1', ?)")) {
      for (int i = 0; i < BEFORE; i++) {
        insert.setString(1, "user" + i);
        insert.setString(2, "target" + i);
        insert.setString(3, i % 3 == 0 ? null : "电话 " + i);
        insert.setTimestamp(
            4, Timestamp.valueOf(LocalDateTime.of(2025, 1, 1, 0, 0).plusNanos(i * 1_001_001L)));
        insert.executeUpdate();
      }
    }
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

    // Chained in batches, as the application does after starting.
    int chained;
    do {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        AuditStore.lock(c);
        chained = AuditStore.chainPending(c, 50);
        c.commit();
      }
    } while (chained > 0);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < PER_THREAD; i++) {
                    append("thread" + thread, "entry " + i);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    AuditVerdict verdict = verify();
    assertTrue(verdict.intact(), () -> verdict.toString());
    assertEquals(BEFORE + THREADS * PER_THREAD, verdict.entries());
    assertEquals(0, verdict.unchained());

    execute("UPDATE audit_entry SET details = 'nothing happened' WHERE seq = 200");
    assertProblem(Problem.CHANGED, 200);

    execute("UPDATE audit_entry SET details = 'entry 9' WHERE seq = 200"); // still not the original
    execute("DELETE FROM audit_entry WHERE seq = 150");
    assertProblem(Problem.REMOVED, 150);
  }

  /** One business transaction's append as a server not yet upgraded makes it: chained inline. */
  private static void append(String actor, String details) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      AuditStore.lock(c);
      AuditStore.Head head = AuditStore.head(c);
      AuditEntry entry =
          new AuditEntry(
              actor, "account.changed", "target", details, "10.0.0.2", LocalDateTime.now());
      entry.chain(head.seq() + 1, head.hash());
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO audit_entry (id, actor, action, target, details, remote_address,"
                  + " occurred_at, seq, prev_hash, entry_hash)"
                  + " VALUES (nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, entry.getActor());
        insert.setString(2, entry.getAction());
        insert.setString(3, entry.getTarget());
        insert.setString(4, entry.getDetails());
        insert.setString(5, entry.getRemoteAddress());
        insert.setTimestamp(6, Timestamp.valueOf(entry.getOccurredAt()));
        insert.setLong(7, entry.getSeq());
        insert.setBytes(8, head.hash());
        insert.setBytes(9, entry.getEntryHash());
        insert.executeUpdate();
      }
      c.commit();
    }
  }

  private static AuditVerdict verify() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      AuditVerifier verifier = new AuditVerifier(Map.of());
      AuditStore.walk(c, 64, verifier);
      return verifier.finish(AuditStore.unchained(c), 0, null);
    }
  }

  private static void assertProblem(Problem problem, long seq) throws SQLException {
    AuditVerdict verdict = verify();
    assertEquals(problem, verdict.problem(), verdict::toString);
    assertEquals(seq, verdict.seq());
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
