package cn.cwca.portal.payment;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderLifecycle;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.common.Settings;
import cn.cwca.portal.invoice.InvoiceBuyerState;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.payment.NotificationRecord.Outcome;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * 立即支付 (user manual 4.2): what an applicant pays for an order and how (a QR code of a provider, or
 * 对公转账), and the finance staff's side of it (confirming transfers, the refund queue). Always the
 * caller's own order for an applicant; another applicant's 申请ID behaves like an unknown one.
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("APPLICANT")
public class PaymentService {

  /** Audit actions (target {@code application:<申请ID>}). */
  static final String STARTED = "payment.started";

  static final String REFUNDED = "payment.refunded";

  /** How long a QR code may be paid, in minutes (system property; default 15). */
  static final String QR_MINUTES = "caportal.payment.qrMinutes";

  /** How long a bank transfer's reference is valid, in days (system property; default 7). */
  static final String TRANSFER_DAYS = "caportal.payment.transferDays";

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Orders orders;

  @Inject PaymentProviders providers;

  @Inject PaymentSettlement settlement;

  @Inject AuditLog audit;

  @Inject InvoiceService invoices;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /**
   * 信息确认: the order to pay, itemised.
   *
   * @throws BusinessException {@code application.notFound}
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public PaymentSummary summary(String publicId) {
    CertificateApplication a = mine(publicId);
    return new PaymentSummary(
        a.getPublicId(),
        a.getServiceType(),
        a.getYears(),
        a.getQuote(),
        a.getSubmittedAt(),
        a.isPayable());
  }

  /** The ways of paying offered now. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PaymentChannel> channels() {
    return providers.offered();
  }

  /**
   * 扫码支付: the QR code of the order in this channel: the one shown before while it may still be
   * paid, or a new one (an expired code is renewed so). For 对公转账, the reference to write with the
   * transfer.
   *
   * @param callbackBase the portal's public base URL (ending in {@code /}), under which the
   *     providers send their notifications ({@code payment/notify/<channel>})
   * @throws BusinessException {@code application.notFound}; {@code order.stepRefused} when the
   *     order is not waiting for payment; {@code payment.invoiceBuyerMissing} before 开票信息 was
   *     saved; {@code payment.channelUnavailable}; {@code payment.providerUnavailable} when the
   *     provider cannot be reached (nothing is kept)
   */
  public PaymentView start(
      String publicId, PaymentChannel channel, String callbackBase, ClientInfo c) {
    String owner = callerName();
    CertificateApplication order =
        orders
            .lockOwned(owner, publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (!order.isPayable()) {
      throw OrderLifecycle.refusal(order.getStatus(), OrderEvent.PAY);
    }
    if (invoices.buyer(order.getPublicId()).filter(InvoiceBuyerState::saved).isEmpty()) {
      throw new BusinessException("payment.invoiceBuyerMissing");
    }
    if (channel == null || !providers.offered().contains(channel)) {
      throw new BusinessException("payment.channelUnavailable");
    }
    LocalDateTime now = now();
    for (Payment open : settlement.openPaymentsOf(order.getId())) {
      if (open.getChannel() == channel) {
        if (open.isPayableAt(now)) {
          return PaymentView.of(order.getPublicId(), open);
        }
        em.find(Payment.class, open.getId(), LockModeType.PESSIMISTIC_WRITE).close(now);
      }
    }
    Payment p =
        new Payment(
            order.getId(),
            channel,
            newOutTradeNo(order.getPublicId()),
            order.getPrice(),
            owner,
            now.plus(validity(channel)),
            now);
    em.persist(p);
    if (channel != PaymentChannel.BANK_TRANSFER) {
      PaymentProvider provider = providers.configured(channel).orElseThrow();
      try {
        QrPayment qr =
            provider.create(
                new PaymentOrder(
                    p.getOutTradeNo(),
                    description(order),
                    order.getQuote().amountFen(),
                    p.getExpiresAt().atOffset(ZoneOffset.UTC),
                    callbackBase + "payment/notify/" + channel.name().toLowerCase()));
        p.created(
            qr.qrContent(), qr.expiresAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
      } catch (PaymentProviderException e) {
        throw new BusinessException("payment.providerUnavailable");
      }
    }
    em.flush();
    audit.record(
        owner,
        STARTED,
        "application:" + order.getPublicId(),
        "payment=" + p.getOutTradeNo() + ", channel=" + channel + ", amount=" + p.getAmount(),
        c);
    return PaymentView.of(order.getPublicId(), p);
  }

  /**
   * Whether the caller's order is paid (the 扫码支付 step asks while it shows the QR code).
   *
   * @throws BusinessException {@code application.notFound}
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean isPaid(String publicId) {
    return mine(publicId).getPaymentStatus() == cn.cwca.portal.application.PaymentStatus.PAID;
  }

  // --- finance --------------------------------------------------------------------------------

  /** 对公转账 waiting for the money: open transfers, oldest first. */
  @RolesAllowed("FINANCE")
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<StaffPaymentRow> openTransfers() {
    return rows(Payment.State.OPEN, List.of(PaymentChannel.BANK_TRANSFER));
  }

  /**
   * 确认到账: the money of a transfer is on the bank statement; the order is paid (or, if it cannot
   * take it, the money goes to the refund queue).
   *
   * @throws BusinessException {@code payment.notFound}
   */
  @RolesAllowed("FINANCE")
  public Outcome confirmTransfer(String outTradeNo, ClientInfo c) {
    Payment p =
        find(outTradeNo)
            .filter(x -> x.getChannel() == PaymentChannel.BANK_TRANSFER)
            .orElseThrow(() -> new BusinessException("payment.notFound"));
    return settlement.settle(
        PaymentChannel.BANK_TRANSFER,
        null,
        new VerifiedNotification(
            null,
            p.getOutTradeNo(),
            "BANK-" + p.getOutTradeNo(),
            null,
            p.getAmount().movePointRight(2).longValueExact(),
            true,
            OffsetDateTime.now(clock)),
        callerName(),
        c);
  }

  /** 退款队列: money the orders could not take, oldest first. */
  @RolesAllowed("FINANCE")
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<StaffPaymentRow> refundQueue() {
    return rows(Payment.State.REFUND_PENDING, List.of(PaymentChannel.values()));
  }

  /**
   * 已退款: the finance staff refunded the money (in the provider's merchant platform or by bank).
   *
   * @throws BusinessException {@code payment.notFound}, {@code payment.refund.notPending}
   */
  @RolesAllowed("FINANCE")
  public void markRefunded(String outTradeNo, String note, ClientInfo c) {
    Payment p =
        find(outTradeNo)
            .map(x -> em.find(Payment.class, x.getId(), LockModeType.PESSIMISTIC_WRITE))
            .orElseThrow(() -> new BusinessException("payment.notFound"));
    p.refunded(callerName(), note, now());
    em.flush();
    String publicId =
        orders.byId(p.getApplicationId()).map(CertificateApplication::getPublicId).orElse("?");
    audit.record(
        callerName(),
        REFUNDED,
        "application:" + publicId,
        "payment=" + p.getOutTradeNo() + ", amount=" + p.getPaidAmount(),
        c);
  }

  // --- sandbox --------------------------------------------------------------------------------

  /**
   * The sandbox payment a 模拟支付 page shows: an open payment of the sandbox channel, while the
   * sandbox is enabled; empty otherwise.
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<PaymentView> sandboxPayment(String outTradeNo) {
    if (providers.configured(PaymentChannel.SANDBOX).isEmpty() || outTradeNo == null) {
      return Optional.empty();
    }
    return find(outTradeNo.strip())
        .filter(p -> p.getChannel() == PaymentChannel.SANDBOX)
        .map(p -> PaymentView.of(null, p));
  }

  // ---------------------------------------------------------------------------------------------

  private List<StaffPaymentRow> rows(Payment.State state, List<PaymentChannel> channels) {
    return em
        .createNamedQuery(Payment.IN_STATE, Payment.class)
        .setParameter("state", state)
        .setParameter("channels", channels)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(
            p ->
                StaffPaymentRow.of(
                    p,
                    orders
                        .byId(p.getApplicationId())
                        .map(CertificateApplication::getPublicId)
                        .orElse(null)))
        .toList();
  }

  private CertificateApplication mine(String publicId) {
    return orders
        .owned(callerName(), publicId)
        .filter(a -> !a.isDraft())
        .orElseThrow(() -> new BusinessException("application.notFound"));
  }

  private Optional<Payment> find(String outTradeNo) {
    return em.createNamedQuery(Payment.BY_OUT_TRADE_NO, Payment.class)
        .setParameter("outTradeNo", outTradeNo)
        .getResultStream()
        .findFirst();
  }

  private static Duration validity(PaymentChannel channel) {
    return channel == PaymentChannel.BANK_TRANSFER
        ? Duration.ofDays(Settings.value(TRANSFER_DAYS).map(Long::parseLong).orElse(7L))
        : Duration.ofMinutes(Settings.value(QR_MINUTES).map(Long::parseLong).orElse(15L));
  }

  /** 商品描述: what the payer's app shows. */
  private static String description(CertificateApplication order) {
    return "数字证书-"
        + Messages.text("serviceType." + order.getServiceType().name())
        + "-"
        + order.getPublicId();
  }

  /**
   * 商户订单号: the 申请ID and four random characters (20 letters and digits, which every provider takes
   * and a payer can copy into a transfer's remark).
   */
  static String newOutTradeNo(String publicId) {
    StringBuilder no = new StringBuilder(publicId);
    for (int i = 0; i < 4; i++) {
      no.append(BASE32[RANDOM.nextInt(BASE32.length)]);
    }
    return no.toString();
  }

  private String callerName() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
