package cn.cwca.portal.application;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Takes the steps of the {@link OrderLifecycle} for every service (submission, payment, review, 制证,
 * delivery), each in the caller's transaction with its audit entry: who, when and from where, and
 * with an {@link OrderStepTaken} event for what follows a committed step (the applicant's SMS). Who
 * may take which step is the calling service's to check (its roles and the order's owner).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OrderSteps {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Event<OrderStepTaken> taken;

  Clock clock = Clock.systemUTC();

  /**
   * Takes a step of an order the caller has locked ({@link Orders#lock}).
   *
   * @param actor who takes it: a login name, or {@code system}
   * @param details facts the audit entry adds to the step (an amount, a waybill), or {@code null}
   * @throws BusinessException {@code order.stepRefused} when the lifecycle does not allow it; the
   *     order is unchanged
   */
  public OrderStep take(
      CertificateApplication order,
      OrderEvent event,
      String actor,
      ClientInfo client,
      String details) {
    OrderStep step = order.take(event, LocalDateTime.now(clock));
    Applications.flush(em);
    record(order, step, actor, client, details);
    return step;
  }

  /**
   * Audits a step the order took by itself ({@link CertificateApplication#submit}), and tells the
   * observers of {@link OrderStepTaken}.
   */
  public void record(
      CertificateApplication order,
      OrderStep step,
      String actor,
      ClientInfo client,
      String details) {
    audit.record(
        actor,
        step.event().auditAction(),
        Applications.auditTarget(order),
        details == null ? step.auditDetails() : step.auditDetails() + ", " + details,
        client);
    taken.fire(
        new OrderStepTaken(
            order.getId(), order.getPublicId(), step.event(), step.from(), step.to()));
  }
}
