package cn.cwca.portal.payment;

import cn.cwca.portal.application.OrderCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cancelling an unpaid order closes its open payments at their providers, once the cancellation has
 * committed; one the provider could not close is closed by the next reconciliation, and money that
 * still arrives goes to the refund queue.
 */
@ApplicationScoped
public class OpenPaymentsOnCancel {

  private static final Logger LOG = Logger.getLogger(OpenPaymentsOnCancel.class.getName());

  @Inject PaymentSettlement settlement;

  @Inject PaymentProviders providers;

  void closeOpenPayments(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderCancelled e) {
    for (Payment p : settlement.openPaymentsOf(e.orderId())) {
      try {
        providers
            .configured(p.getChannel())
            .ifPresent(provider -> provider.close(p.getOutTradeNo()));
        settlement.close(p.getOutTradeNo());
      } catch (RuntimeException failure) {
        LOG.log(
            Level.WARNING,
            failure,
            () -> "Payment " + p.getOutTradeNo() + " of cancelled " + e.publicId() + " not closed");
      }
    }
  }
}
