package cn.cwca.portal.it;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Two concurrent transactions, in an order the test chooses: the first does its work and stays open
 * while the second starts on the server's executor (as the caller); the second is given time to
 * finish before the first commits, which it must not use when the two are serialised. The outcome
 * the test asserts does not depend on that time: it only gives a missing lock the chance to show.
 */
public final class WhileATransactionIsOpen {

  /** The work of the first transaction. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  private WhileATransactionIsOpen() {}

  /** Runs {@code first} in a transaction, {@code second} while it is open, then commits first. */
  public static <T> Future<T> run(
      UserTransaction tx, ManagedExecutorService executor, Work first, Callable<T> second)
      throws Exception {
    tx.begin();
    try {
      first.run();
      Future<T> other = executor.submit(second);
      try {
        other.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException waitingForTheFirst) {
        // as it must when the two are serialised
      }
      tx.commit();
      return other;
    } catch (Exception e) {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
      throw e;
    }
  }
}
