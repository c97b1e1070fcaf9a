package cn.cwca.portal.payment;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.persistence.ClusterJob;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every minute, asks the providers about the open payments whose notification has not come (a
 * notification can be lost), settles those that were paid, and closes those that expired or whose
 * order no longer waits for payment (cancelled, or paid another way). One server of a cluster does
 * it at a time: a PostgreSQL advisory lock, held by a connection of its own for the run.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentReconciliation {

  private static final Logger LOG = Logger.getLogger(PaymentReconciliation.class.getName());

  /** The advisory lock's key (two ints: hashtext of the job's name, 0). */
  private static final String JOB = "payment-reconciliation";

  /** A payment this young may still be notified: it is not asked about yet. */
  static final long GRACE_SECONDS = 60;

  /** The most payments one run asks about. */
  static final int BATCH = 500;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Inject PaymentProviders providers;

  @Inject PaymentSettlement settlement;

  @Inject Orders orders;

  Clock clock = Clock.systemUTC();

  @Schedule(second = "30", minute = "*", hour = "*", persistent = false)
  void everyMinute() {
    run();
  }

  /**
   * One run, unless another server is running it.
   *
   * @return the payments looked at; -1 when another run held the lock
   */
  public int run() {
    return ClusterJob.runExclusively(dataSource, JOB, this::reconcile);
  }

  private int reconcile() {
    LocalDateTime now = LocalDateTime.now(clock);
    List<Payment> open =
        em.createNamedQuery(Payment.OPEN_CREATED_BEFORE, Payment.class)
            .setParameter("before", now.minusSeconds(GRACE_SECONDS))
            .setMaxResults(BATCH)
            .getResultList();
    for (Payment p : open) {
      try {
        reconcile(p, now);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> "Payment " + p.getOutTradeNo() + " not reconciled");
      }
    }
    return open.size();
  }

  private void reconcile(Payment p, LocalDateTime now) {
    boolean expired = !now.isBefore(p.getExpiresAt());
    boolean orderWaits =
        orders
            .byId(p.getApplicationId())
            .map(o -> o.getStatus() == OrderStatus.AWAITING_PAYMENT)
            .orElse(false);
    PaymentProvider provider =
        p.getChannel() == PaymentChannel.BANK_TRANSFER
            ? null
            : providers.configured(p.getChannel()).orElse(null);
    if (provider == null) {
      // 对公转账, confirmed by the finance staff; or a provider no longer configured
      if (expired || !orderWaits) {
        settlement.close(p.getOutTradeNo());
      }
      return;
    }
    ProviderPaymentState state = provider.query(p.getOutTradeNo());
    switch (state.status()) {
      case PAID ->
          settlement.settle(
              p.getChannel(),
              provider.merchantId(),
              new VerifiedNotification(
                  null,
                  p.getOutTradeNo(),
                  state.transactionId(),
                  state.merchantId(),
                  state.amountFen(),
                  true,
                  state.paidAt()),
              "reconciliation",
              ClientInfo.system());
      case NOT_PAID -> {
        if (expired || !orderWaits) {
          provider.close(p.getOutTradeNo());
          settlement.close(p.getOutTradeNo());
        }
      }
      case CLOSED, REFUNDED -> settlement.close(p.getOutTradeNo());
      case NOT_FOUND -> {
        if (expired || !orderWaits) {
          settlement.close(p.getOutTradeNo());
        }
      }
    }
  }
}
