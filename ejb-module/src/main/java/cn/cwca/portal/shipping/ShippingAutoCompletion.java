package cn.cwca.portal.shipping;

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
 * Every hour, completes the shipped orders whose key was not signed for (签收) within {@link
 * AutoCompletion#days()} days of its current waybill (AUTO_COMPLETE, by {@code system}, audited
 * with the reason), each in a transaction of its own, so that one order that fails leaves the
 * others done. One server of a cluster does it at a time: a PostgreSQL advisory lock, held by a
 * connection of its own for the run.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShippingAutoCompletion {

  private static final Logger LOG = Logger.getLogger(ShippingAutoCompletion.class.getName());

  /** The advisory lock's key (two ints: hashtext of the job's name, 0). */
  private static final String JOB = "shipping-auto-completion";

  /** The most orders one run completes; the next run goes on. */
  static final int BATCH = 500;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Inject AutoCompleteStep step;

  Clock clock = Clock.systemUTC();

  @Schedule(second = "0", minute = "17", hour = "*", persistent = false)
  void hourly() {
    run();
  }

  /**
   * One run, unless another server is running it.
   *
   * @return the orders completed; -1 when another run held the lock
   */
  public int run() {
    return ClusterJob.runExclusively(dataSource, JOB, this::completeDueOrders);
  }

  private int completeDueOrders() {
    int days = AutoCompletion.days();
    LocalDateTime cutoff = AutoCompletion.cutoff(LocalDateTime.now(clock), days);
    List<Long> due =
        em.createQuery(
                "SELECT a.id FROM CertificateApplication a, Shipment s"
                    + " WHERE s.applicationId = a.id AND s.supersededAt IS NULL"
                    + " AND a.status = cn.cwca.portal.application.OrderStatus.SHIPPED"
                    + " AND s.shippedAt <= :cutoff ORDER BY s.shippedAt, a.id",
                Long.class)
            .setParameter("cutoff", cutoff)
            .setMaxResults(BATCH)
            .getResultList();
    int completed = 0;
    for (Long id : due) {
      try {
        if (step.complete(id, cutoff, days)) {
          completed++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> "Shipped order " + id + " not auto-completed");
      }
    }
    return completed;
  }
}
