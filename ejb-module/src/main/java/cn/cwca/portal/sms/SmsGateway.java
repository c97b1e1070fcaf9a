package cn.cwca.portal.sms;

/**
 * Sends a text message to a mainland mobile number: the one integration point for a real SMS
 * provider. Called inside the business transaction; an implementation that talks to a provider
 * should hand the message over only after the commit (for example by reading {@code sms_outbox}).
 */
public interface SmsGateway {

  /**
   * Sends the text.
   *
   * @param mobile 11-digit mainland mobile number
   * @param text the message, signature included
   */
  void send(String mobile, String text);
}
