package cn.cwca.portal.payment;

import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.payment.NotificationRecord.Outcome;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a provider's notification: verifies it outside any transaction (nothing unverified reaches
 * the database but its refusal), settles it in one transaction ({@link PaymentSettlement}) and
 * answers as the provider expects. Whatever the outcome, a notification that was processed is
 * acknowledged, so that the provider stops resending it; one that did not verify, or whose
 * transaction failed, is refused, so that a genuine one is sent again.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentNotifications {

  private static final Logger LOG = Logger.getLogger(PaymentNotifications.class.getName());

  @Inject PaymentProviders providers;

  @Inject PaymentSettlement settlement;

  /**
   * @return the answer to send; 404 for a channel that is not configured
   */
  public NotificationAnswer receive(
      PaymentChannel channel, IncomingNotification notification, ClientInfo client) {
    PaymentProvider provider = providers.configured(channel).orElse(null);
    if (provider == null) {
      LOG.warning(() -> "Payment notification for " + channel + ", which is not configured");
      return new NotificationAnswer(404, "text/plain; charset=UTF-8", "not configured");
    }
    VerifiedNotification verified;
    try {
      verified = provider.verify(notification);
    } catch (NotificationRejectedException e) {
      LOG.warning(
          () ->
              "Payment notification of "
                  + channel
                  + " from "
                  + client.remoteAddress()
                  + " refused: "
                  + e.getMessage());
      settlement.recordRejected(channel, e.getMessage(), client);
      return provider.refused(e.getMessage());
    }
    try {
      Outcome outcome =
          settlement.settle(channel, provider.merchantId(), verified, "notification", client);
      if (outcome != Outcome.APPLIED) {
        LOG.info(
            () ->
                "Payment notification "
                    + verified.notificationId()
                    + " for "
                    + verified.outTradeNo()
                    + ": "
                    + outcome);
      }
      return provider.accepted();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          e,
          () -> "Payment notification for " + verified.outTradeNo() + " not settled; refused");
      return provider.refused("not settled");
    }
  }
}
