package cn.cwca.portal.audit;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Logger;

/**
 * Chains a transaction's audit entries once it has committed (a rolled-back transaction left none).
 * The business transaction is over by then: a failure is logged, never thrown at its caller, and
 * the chainer's timer chains the entries later.
 */
final class ChainAfterCommit implements Synchronization {

  private static final Logger LOG = Logger.getLogger(ChainAfterCommit.class.getName());

  private final Runnable chainNow;

  ChainAfterCommit(Runnable chainNow) {
    this.chainNow = chainNow;
  }

  @Override
  public void beforeCompletion() {
    // nothing to do before the commit: the entries are written with the transaction
  }

  @Override
  public void afterCompletion(int status) {
    if (status != Status.STATUS_COMMITTED) {
      return;
    }
    try {
      chainNow.run();
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Audit entries were not chained after their commit ("
                  + e.getClass().getName()
                  + "); the timer chains them within 5 seconds");
    }
  }
}
