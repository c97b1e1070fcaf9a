package cn.cwca.portal.payment;

import cn.cwca.portal.common.BusinessException;
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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One attempt to pay an order: a QR code of a provider, or a bank transfer with its reference
 * ({@link #getOutTradeNo()}). At most one payment of an order is {@link State#PAID}; money that
 * arrives for a cancelled or already paid order, or for another amount, is kept for the finance
 * staff ({@link State#REFUND_PENDING}), never taken silently. Times are UTC.
 */
@Entity
@Table(name = "payment")
@NamedQuery(
    name = Payment.BY_OUT_TRADE_NO,
    query = "SELECT p FROM Payment p WHERE p.outTradeNo = :outTradeNo")
@NamedQuery(
    name = Payment.OF_ORDER,
    query =
        "SELECT p FROM Payment p WHERE p.applicationId = :id ORDER BY p.createdAt DESC, p.id DESC")
@NamedQuery(
    name = Payment.OPEN_CREATED_BEFORE,
    query =
        "SELECT p FROM Payment p WHERE p.state = cn.cwca.portal.payment.Payment.State.OPEN"
            + " AND p.createdAt < :before ORDER BY p.createdAt")
@NamedQuery(
    name = Payment.IN_STATE,
    query =
        "SELECT p FROM Payment p WHERE p.state = :state AND p.channel IN :channels"
            + " ORDER BY p.createdAt")
public class Payment implements Serializable {

  static final String BY_OUT_TRADE_NO = "Payment.byOutTradeNo";
  static final String OF_ORDER = "Payment.ofOrder";
  static final String OPEN_CREATED_BEFORE = "Payment.openCreatedBefore";
  static final String IN_STATE = "Payment.inState";

  private static final long serialVersionUID = 1L;

  /** Where a payment stands. */
  public enum State {
    /** Created; its QR code (or the transfer's reference) may be paid until it expires. */
    OPEN,
    /** Paid: the order's payment. */
    PAID,
    /** Closed without payment: expired, cancelled, or replaced by a new QR code. */
    CLOSED,
    /** Money arrived that the order cannot take (cancelled, already paid, another amount). */
    REFUND_PENDING,
    /** The finance staff refunded it. */
    REFUNDED
  }

  @Id
  @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
  private Long id;

  @Version private long version;

  @Column(name = "application_id", nullable = false, updatable = false)
  private Long applicationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, updatable = false, length = 20)
  private PaymentChannel channel;

  @Column(name = "out_trade_no", nullable = false, updatable = false, length = 32)
  private String outTradeNo;

  @Column(name = "amount", nullable = false, updatable = false, precision = 10, scale = 2)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private State state;

  @Column(name = "qr_content", length = 1000)
  private String qrContent;

  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "provider_transaction_id", length = 64)
  private String providerTransactionId;

  @Column(name = "paid_amount", precision = 10, scale = 2)
  private BigDecimal paidAmount;

  @Column(name = "paid_at")
  private LocalDateTime paidAt;

  @Column(name = "confirmed_by", length = 64)
  private String confirmedBy;

  @Column(name = "closed_at")
  private LocalDateTime closedAt;

  @Column(name = "refund_reason", length = 200)
  private String refundReason;

  @Column(name = "refunded_at")
  private LocalDateTime refundedAt;

  @Column(name = "refunded_by", length = 64)
  private String refundedBy;

  protected Payment() {}

  Payment(
      long applicationId,
      PaymentChannel channel,
      String outTradeNo,
      BigDecimal amount,
      String createdBy,
      LocalDateTime expiresAt,
      LocalDateTime now) {
    this.applicationId = applicationId;
    this.channel = Objects.requireNonNull(channel);
    this.outTradeNo = Objects.requireNonNull(outTradeNo);
    this.amount = Objects.requireNonNull(amount);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.expiresAt = Objects.requireNonNull(expiresAt);
    this.createdAt = now;
    this.state = State.OPEN;
  }

  /** What the provider made of it: the QR code's content and until when it is valid. */
  void created(String qr, LocalDateTime providerExpiresAt) {
    this.qrContent = qr;
    this.expiresAt = providerExpiresAt;
  }

  /** The money arrived and the order takes it. */
  void paid(String transactionId, BigDecimal paid, LocalDateTime at, String confirmer) {
    requireOpenOrClosed();
    state = State.PAID;
    record(transactionId, paid, at, confirmer);
  }

  /** The money arrived and the order cannot take it: the finance staff refund it. */
  void refundPending(
      String transactionId, BigDecimal paid, LocalDateTime at, String confirmer, String reason) {
    requireOpenOrClosed();
    state = State.REFUND_PENDING;
    refundReason = reason;
    record(transactionId, paid, at, confirmer);
  }

  /** The finance staff refunded it (at the provider or by bank). */
  void refunded(String staff, String note, LocalDateTime now) {
    if (state != State.REFUND_PENDING) {
      throw new BusinessException("payment.refund.notPending");
    }
    state = State.REFUNDED;
    refundedBy = staff;
    refundedAt = now;
    if (note != null && !note.isBlank()) {
      refundReason = cut(refundReason + "；" + note.strip(), 200);
    }
  }

  /** No longer payable. */
  void close(LocalDateTime now) {
    if (state == State.OPEN) {
      state = State.CLOSED;
      closedAt = now;
    }
  }

  private void record(String transactionId, BigDecimal paid, LocalDateTime at, String confirmer) {
    providerTransactionId = transactionId;
    paidAmount = paid;
    paidAt = at;
    confirmedBy = confirmer;
  }

  private void requireOpenOrClosed() {
    if (state != State.OPEN && state != State.CLOSED) {
      throw new IllegalStateException("payment " + outTradeNo + " is already " + state);
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** Whether its QR code (or reference) may still be paid at {@code now}. */
  public boolean isPayableAt(LocalDateTime now) {
    return state == State.OPEN && now.isBefore(expiresAt);
  }

  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public PaymentChannel getChannel() {
    return channel;
  }

  /** 商户订单号; for a bank transfer the reference the payer writes with the transfer. */
  public String getOutTradeNo() {
    return outTradeNo;
  }

  /** Yuan. */
  public BigDecimal getAmount() {
    return amount;
  }

  public State getState() {
    return state;
  }

  public String getQrContent() {
    return qrContent;
  }

  public LocalDateTime getExpiresAt() {
    return expiresAt;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public String getProviderTransactionId() {
    return providerTransactionId;
  }

  public BigDecimal getPaidAmount() {
    return paidAmount;
  }

  public LocalDateTime getPaidAt() {
    return paidAt;
  }

  /** Who confirmed it: {@code notification}, {@code reconciliation}, or a finance staff member. */
  public String getConfirmedBy() {
    return confirmedBy;
  }

  public LocalDateTime getClosedAt() {
    return closedAt;
  }

  public String getRefundReason() {
    return refundReason;
  }

  public LocalDateTime getRefundedAt() {
    return refundedAt;
  }

  public String getRefundedBy() {
    return refundedBy;
  }

  @Override
  public String toString() {
    return "Payment[" + outTradeNo + ", " + channel + ", " + amount + ", " + state + "]";
  }
}
