package cn.cwca.portal.payment;

/**
 * A provider could not be reached, or refused a request. The payment service turns it into a
 * message for the page ({@code payment.providerUnavailable}); it does not roll back by itself (it
 * is not an application exception), so a service that lets it out of a transaction loses that
 * transaction.
 */
public class PaymentProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PaymentProviderException(String message) {
    super(message);
  }

  public PaymentProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
