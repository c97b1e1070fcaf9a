package cn.cwca.portal.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A notification a provider sent (or a reconciliation's answer), with what became of it and why:
 * the log the finance staff and the operators read when a payment is questioned. Times are UTC.
 */
@Entity
@Table(name = "payment_notification")
@NamedQuery(
    name = NotificationRecord.OF_TRADE,
    query =
        "SELECT n FROM NotificationRecord n WHERE n.outTradeNo = :outTradeNo"
            + " ORDER BY n.receivedAt, n.id")
public class NotificationRecord implements Serializable {

  static final String OF_TRADE = "NotificationRecord.ofTrade";

  private static final long serialVersionUID = 1L;

  /** What became of a notification. */
  public enum Outcome {
    /** It paid the order. */
    APPLIED,
    /** The payment was already settled by this transaction: nothing changed. */
    DUPLICATE,
    /** It did not say the payment succeeded: nothing changed. */
    NOT_PAID,
    /** Its signature, timestamp or content did not verify: nothing in it was trusted. */
    REJECTED,
    /** It names no payment of this portal. */
    UNKNOWN_PAYMENT,
    /** It was for another merchant. */
    WRONG_MERCHANT,
    /** The amount paid is not the payment's: kept for refund. */
    WRONG_AMOUNT,
    /** The order was cancelled: kept for refund. */
    ORDER_CANCELLED,
    /** The order was already paid by another payment: kept for refund. */
    ALREADY_PAID
  }

  @Id
  @SequenceGenerator(
      name = "payment_notification_seq",
      sequenceName = "payment_notification_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_notification_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, updatable = false, length = 20)
  private PaymentChannel channel;

  @Column(name = "received_at", nullable = false, updatable = false)
  private LocalDateTime receivedAt;

  @Column(name = "notification_id", updatable = false, length = 64)
  private String notificationId;

  @Column(name = "out_trade_no", updatable = false, length = 64)
  private String outTradeNo;

  @Column(name = "transaction_id", updatable = false, length = 64)
  private String transactionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, updatable = false, length = 30)
  private Outcome outcome;

  @Column(name = "reason", updatable = false, length = 300)
  private String reason;

  @Column(name = "remote_address", nullable = false, updatable = false, length = 64)
  private String remoteAddress;

  protected NotificationRecord() {}

  NotificationRecord(
      PaymentChannel channel,
      VerifiedNotification n,
      Outcome outcome,
      String reason,
      String remoteAddress,
      LocalDateTime now) {
    this.channel = channel;
    this.receivedAt = now;
    this.notificationId = n == null ? null : cut(n.notificationId(), 64);
    this.outTradeNo = n == null ? null : cut(n.outTradeNo(), 64);
    this.transactionId = n == null ? null : cut(n.transactionId(), 64);
    this.outcome = outcome;
    this.reason = cut(reason, 300);
    this.remoteAddress = remoteAddress == null ? "-" : cut(remoteAddress, 64);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public PaymentChannel getChannel() {
    return channel;
  }

  public LocalDateTime getReceivedAt() {
    return receivedAt;
  }

  public String getNotificationId() {
    return notificationId;
  }

  public String getOutTradeNo() {
    return outTradeNo;
  }

  public String getTransactionId() {
    return transactionId;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public String getRemoteAddress() {
    return remoteAddress;
  }
}
