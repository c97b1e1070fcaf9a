package cn.cwca.portal.payment;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.payment.NotificationRecord.Outcome;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a confirmed payment changes, in one transaction with its log entry: the payment, the order
 * (待支付 → 待审核) and the audit trail. A notification that arrives twice, late, out of order, for a
 * cancelled order or for another amount changes nothing twice: the order and the payment are locked
 * (order first, then payment, everywhere), and a settled payment is never settled again.
 */
@Stateless
@PermitAll
public class PaymentSettlement {

  /** Audit actions (target {@code application:<申请ID>}). */
  static final String REFUND_PENDING = "payment.refundPending";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Orders orders;

  @Inject OrderSteps steps;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /**
   * Settles a verified notification, or a provider's answer to a query, or a bank transfer the
   * finance staff confirmed.
   *
   * @param merchantId this portal's merchant at the provider
   * @param confirmer who confirmed it: {@code notification}, {@code reconciliation}, or a staff
   *     member's login name
   * @return what became of it (also logged)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Outcome settle(
      PaymentChannel channel,
      String merchantId,
      VerifiedNotification n,
      String confirmer,
      ClientInfo client) {
    Optional<Payment> unlocked = find(n.outTradeNo()).filter(p -> p.getChannel() == channel);
    if (unlocked.isEmpty()) {
      return log(channel, n, Outcome.UNKNOWN_PAYMENT, "no such payment of this channel", client);
    }
    if (!Objects.equals(merchantId, n.merchantId())) {
      return log(channel, n, Outcome.WRONG_MERCHANT, "merchant " + n.merchantId(), client);
    }
    if (!n.paid()) {
      return log(channel, n, Outcome.NOT_PAID, "not a successful payment", client);
    }
    if (settledBy(unlocked.get(), n)) {
      // A retry of what is settled already: nothing to lock, nothing changes.
      return log(channel, n, Outcome.DUPLICATE, "already " + unlocked.get().getState(), client);
    }
    // The order first, then the payment: the order where every other step takes its lock.
    CertificateApplication order = orders.lock(unlocked.get().getApplicationId()).orElseThrow();
    Payment p = em.find(Payment.class, unlocked.get().getId(), LockModeType.PESSIMISTIC_WRITE);
    if (p.getState() != Payment.State.OPEN && p.getState() != Payment.State.CLOSED) {
      boolean same = Objects.equals(p.getProviderTransactionId(), n.transactionId());
      return log(
          channel,
          n,
          Outcome.DUPLICATE,
          same ? "already " + p.getState() : "already settled by " + p.getProviderTransactionId(),
          client);
    }
    BigDecimal paid = BigDecimal.valueOf(n.amountFen(), 2);
    LocalDateTime paidAt =
        n.paidAt() == null
            ? now()
            : n.paidAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    Outcome outcome;
    String reason;
    if (paid.compareTo(p.getAmount()) != 0) {
      outcome = Outcome.WRONG_AMOUNT;
      reason = "paid " + paid + " for " + p.getAmount();
    } else if (order.getStatus() == OrderStatus.CANCELLED) {
      outcome = Outcome.ORDER_CANCELLED;
      reason = "the order was cancelled";
    } else if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
      outcome = Outcome.ALREADY_PAID;
      reason = "the order is " + order.getStatus();
    } else {
      p.paid(n.transactionId(), paid, paidAt, confirmer);
      em.flush();
      steps.take(
          order,
          OrderEvent.PAY,
          "system",
          client,
          "payment="
              + p.getOutTradeNo()
              + ", channel="
              + channel
              + ", amount="
              + paid
              + ", confirmedBy="
              + confirmer);
      return log(channel, n, Outcome.APPLIED, null, client);
    }
    p.refundPending(n.transactionId(), paid, paidAt, confirmer, reason);
    em.flush();
    audit.record(
        "system",
        REFUND_PENDING,
        "application:" + order.getPublicId(),
        "payment=" + p.getOutTradeNo() + ", paid=" + paid + ", reason=" + reason,
        client);
    return log(channel, n, outcome, reason, client);
  }

  /** Logs a notification that did not verify, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRejected(PaymentChannel channel, String reason, ClientInfo client) {
    log(channel, null, Outcome.REJECTED, reason, client);
  }

  /** Closes an open payment here (the provider's side is the caller's). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void close(String outTradeNo) {
    find(outTradeNo)
        .map(p -> em.find(Payment.class, p.getId(), LockModeType.PESSIMISTIC_WRITE))
        .ifPresent(p -> p.close(now()));
  }

  /** The open payments of an order. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Payment> openPaymentsOf(long orderId) {
    return em
        .createNamedQuery(Payment.OF_ORDER, Payment.class)
        .setParameter("id", orderId)
        .getResultList()
        .stream()
        .filter(p -> p.getState() == Payment.State.OPEN)
        .toList();
  }

  /** Whether the payment was settled by this very transaction of the provider. */
  private static boolean settledBy(Payment p, VerifiedNotification n) {
    return p.getState() != Payment.State.OPEN
        && p.getState() != Payment.State.CLOSED
        && n.transactionId() != null
        && n.transactionId().equals(p.getProviderTransactionId());
  }

  private Optional<Payment> find(String outTradeNo) {
    return em.createNamedQuery(Payment.BY_OUT_TRADE_NO, Payment.class)
        .setParameter("outTradeNo", outTradeNo)
        .getResultStream()
        .findFirst();
  }

  private Outcome log(
      PaymentChannel channel,
      VerifiedNotification n,
      Outcome outcome,
      String reason,
      ClientInfo client) {
    em.persist(
        new NotificationRecord(
            channel, n, outcome, reason, client == null ? null : client.remoteAddress(), now()));
    return outcome;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
