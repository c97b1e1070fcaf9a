package cn.cwca.portal.payment;

/**
 * A payment provider that is paid by scanning a QR code: it creates the provider's payment for an
 * order, answers what became of it, closes it, and verifies the provider's notifications. The
 * portal's rules (which order, how much, what a notification changes) stay in the payment service;
 * a provider only speaks its provider's protocol. Implementations are CDI beans; one is used only
 * when {@link #isConfigured()}.
 *
 * <p>Amounts are in fen (分), the smallest unit of the yuan, as the providers count them.
 */
public interface PaymentProvider {

  PaymentChannel channel();

  /** Whether the settings this provider needs are all present. */
  boolean isConfigured();

  /**
   * The merchant this portal is at the provider, in the terms of {@link
   * VerifiedNotification#merchantId()}: a notification for another merchant is refused.
   */
  String merchantId();

  /**
   * Creates the provider's payment of an order.
   *
   * @return what the QR code shows, and until when the provider accepts it
   * @throws PaymentProviderException when the provider cannot be reached or refuses
   */
  QrPayment create(PaymentOrder order);

  /**
   * What became of a payment (reconciliation, when a notification did not come).
   *
   * @throws PaymentProviderException when the provider cannot be reached or refuses
   */
  ProviderPaymentState query(String outTradeNo);

  /**
   * Closes an unpaid payment, so that its QR code can no longer be paid. Closing one that is
   * already closed or unknown at the provider is not an error.
   *
   * @throws PaymentProviderException when the provider cannot be reached or refuses
   */
  void close(String outTradeNo);

  /**
   * Verifies a notification's signature (and decrypts it, where the provider encrypts) and reads
   * it. Nothing is trusted before this returns.
   *
   * @throws NotificationRejectedException for a bad or missing signature, a stale timestamp, a body
   *     that cannot be read or decrypted
   */
  VerifiedNotification verify(IncomingNotification notification)
      throws NotificationRejectedException;

  /** What the provider expects to read when a notification was taken (also for a duplicate). */
  NotificationAnswer accepted();

  /** What the provider expects to read when a notification was refused, so that it retries. */
  NotificationAnswer refused(String reason);
}
