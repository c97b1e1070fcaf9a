package cn.cwca.portal.shipping;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** One order of {@link ShippingAutoCompletion}, in a transaction of its own. */
@Stateless
@PermitAll
public class AutoCompleteStep {

  /** Who takes the step. */
  static final String ACTOR = "system";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Orders orders;

  @Inject OrderSteps steps;

  /**
   * Completes the shipped order when, now that it is locked, it is still shipped and its current
   * waybill left no later than {@code cutoff} (the applicant may have signed for it, or it may have
   * been shipped again, since the run looked).
   *
   * @return whether it was completed
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean complete(long orderId, LocalDateTime cutoff, int days) {
    Optional<CertificateApplication> locked = orders.lock(orderId);
    if (locked.isEmpty() || locked.get().getStatus() != OrderStatus.SHIPPED) {
      return false;
    }
    CertificateApplication a = locked.get();
    Optional<Shipment> current =
        em.createNamedQuery(Shipment.CURRENT_OF_ORDERS, Shipment.class)
            .setParameter("ids", List.of(orderId))
            .getResultStream()
            .findFirst();
    if (current.isEmpty() || current.get().getShippedAt().isAfter(cutoff)) {
      return false;
    }
    Shipment s = current.get();
    steps.take(
        a,
        OrderEvent.AUTO_COMPLETE,
        ACTOR,
        ClientInfo.system(),
        "reason=not signed for within "
            + days
            + " days of shipping, waybill="
            + s.getWaybillNumber()
            + ", shippedAt="
            + s.getShippedAt());
    return true;
  }
}
