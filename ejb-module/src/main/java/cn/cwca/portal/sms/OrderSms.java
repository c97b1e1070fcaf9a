package cn.cwca.portal.sms;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderStepTaken;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.review.ReviewDecision;
import cn.cwca.portal.shipping.AutoCompletion;
import cn.cwca.portal.shipping.Shipment;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends the applicant the SMS of a committed step of their order ({@link OrderSmsTexts}) to the
 * mobile number bound to their account, through the {@link SmsGateway}, in a transaction of its
 * own.
 */
@Stateless
@PermitAll
public class OrderSms {

  private static final Logger LOG = Logger.getLogger(OrderSms.class.getName());

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Orders orders;

  @Inject SmsGateway gateway;

  /**
   * Sends the step's SMS, if the applicant is told of it.
   *
   * @return whether an SMS was handed to the gateway
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean send(OrderStepTaken step) {
    if (!OrderSmsTexts.notifies(step.event())) {
      return false;
    }
    Optional<CertificateApplication> order = orders.byId(step.orderId());
    if (order.isEmpty()) {
      return false;
    }
    CertificateApplication a = order.get();
    Optional<String> mobile =
        em.createQuery(
                "SELECT acc.mobile FROM Account acc WHERE acc.loginName = :owner", String.class)
            .setParameter("owner", a.getOwnerLoginName())
            .getResultStream()
            .findFirst();
    if (mobile.isEmpty()) {
      LOG.warning(() -> "No account with a mobile number for the SMS of " + step.publicId());
      return false;
    }
    Optional<String> text = OrderSmsTexts.text(step.event(), a.getPublicId(), facts(a, step));
    text.ifPresent(t -> gateway.send(mobile.get(), t));
    return text.isPresent();
  }

  private OrderSmsTexts.Facts facts(CertificateApplication a, OrderStepTaken step) {
    String waybill = null;
    String opinion = null;
    switch (step.event()) {
      case SHIP, RESHIP ->
          waybill =
              em.createNamedQuery(Shipment.CURRENT_OF_ORDERS, Shipment.class)
                  .setParameter("ids", List.of(a.getId()))
                  .getResultStream()
                  .findFirst()
                  .map(Shipment::getWaybillNumber)
                  .orElse(null);
      case REJECT -> {
        // Decisions come ordered by round and stage: the last one is the latest.
        List<ReviewDecision> decisions =
            em.createNamedQuery(ReviewDecision.OF_ORDERS, ReviewDecision.class)
                .setParameter("ids", List.of(a.getId()))
                .getResultList();
        opinion = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).getOpinion();
      }
      default -> {
        // nothing more to name
      }
    }
    return new OrderSmsTexts.Facts(
        a.getPickupMethod(),
        waybill,
        a.getHandlingPointName(),
        a.getHandlingPointAddress(),
        opinion,
        AutoCompletion.days());
  }
}
