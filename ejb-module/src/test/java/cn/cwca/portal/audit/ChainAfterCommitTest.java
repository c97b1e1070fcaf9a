package cn.cwca.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The chaining asked for when a transaction that recorded entries ends. */
class ChainAfterCommitTest {

  @Test
  void chainsOnceTheTransactionCommitted() {
    AtomicInteger runs = new AtomicInteger();
    ChainAfterCommit sync = new ChainAfterCommit(runs::incrementAndGet);
    sync.beforeCompletion();
    assertEquals(0, runs.get(), "nothing is chained before the commit");
    sync.afterCompletion(Status.STATUS_COMMITTED);
    assertEquals(1, runs.get());
  }

  @Test
  void chainsNothingAfterARollback() {
    AtomicInteger runs = new AtomicInteger();
    ChainAfterCommit sync = new ChainAfterCommit(runs::incrementAndGet);
    sync.afterCompletion(Status.STATUS_ROLLEDBACK);
    sync.afterCompletion(Status.STATUS_UNKNOWN);
    assertEquals(0, runs.get());
  }

  @Test
  void aFailureToChainNeverReachesTheCommittedTransactionsCaller() {
    AtomicInteger runs = new AtomicInteger();
    ChainAfterCommit sync =
        new ChainAfterCommit(
            () -> {
              runs.incrementAndGet();
              throw new IllegalStateException("database gone");
            });
    sync.afterCompletion(Status.STATUS_COMMITTED);
    assertEquals(1, runs.get(), "tried, failed quietly (logged); the timer chains later");
  }
}
