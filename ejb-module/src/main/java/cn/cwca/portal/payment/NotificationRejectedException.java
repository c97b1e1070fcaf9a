package cn.cwca.portal.payment;

/**
 * A notification that did not verify (signature, timestamp, decryption, format): nothing in it is
 * trusted. Checked, and thrown before any transaction is touched.
 */
public class NotificationRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  public NotificationRejectedException(String reason) {
    super(reason);
  }

  public NotificationRejectedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
