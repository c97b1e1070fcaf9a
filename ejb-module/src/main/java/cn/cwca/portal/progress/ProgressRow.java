package cn.cwca.portal.progress;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderLifecycle;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.PaymentStatus;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.invoice.Invoice;
import cn.cwca.portal.invoice.InvoiceBuyerState;
import cn.cwca.portal.review.ReviewDecision;
import cn.cwca.portal.shipping.SfExpress;
import cn.cwca.portal.shipping.Shipment;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of 进度查询 (user manual 4.2): 申请ID, 用户类型, 业务类型, 审核状态, 审核意见 (of the current round of review:
 * a resubmitted order shows none until it is decided again), 申请时间 (UTC), 支付状态, 办理点, the 快递信息
 * dialog's courier and invoice data (empty until the staff enter them), and which actions apply
 * (取消申请, 立即支付, 签收, 修改资料并重新提交 after 驳回).
 */
public record ProgressRow(
    String publicId,
    AccountType userType,
    ServiceType serviceType,
    OrderStatus status,
    String reviewOpinion,
    LocalDateTime submittedAt,
    String handlingPointName,
    PickupMethod pickupMethod,
    BigDecimal price,
    String courierCompany,
    String waybillNumber,
    String invoiceNumber,
    boolean invoiceFile,
    boolean cancellable,
    boolean payable,
    boolean readyForSelfService,
    boolean resubmittable)
    implements Serializable {

  static ProgressRow of(
      CertificateApplication a, ReviewDecision latestDecision, Shipment shipment, Invoice invoice) {
    return new ProgressRow(
        a.getPublicId(),
        a.getUserType(),
        a.getServiceType(),
        a.getStatus(),
        latestDecision == null || latestDecision.getRound() != a.getReviewRound()
            ? null
            : latestDecision.getOpinion(),
        a.getSubmittedAt(),
        a.getHandlingPointName(),
        a.getPickupMethod(),
        a.getPrice(),
        shipment == null ? null : shipment.getCourierCompany(),
        shipment == null ? null : shipment.getWaybillNumber(),
        invoice == null ? null : invoice.getInvoiceNumber(),
        invoice != null && invoice.hasFile(),
        a.isCancellable(),
        a.isPayable(),
        a.isReadyForSelfService(),
        a.isResubmittable());
  }

  /** 审核状态. */
  public ReviewStatus reviewStatus() {
    return status.reviewStatus();
  }

  /** 支付状态. */
  public PaymentStatus paymentStatus() {
    return status.paymentStatus();
  }

  /** The dialog has courier data to show (otherwise its empty state). */
  public boolean hasCourierInfo() {
    return waybillNumber != null && !waybillNumber.isBlank();
  }

  /** SF's tracking page of the current waybill, for the dialog's link; {@code null} when none. */
  public String trackingUrl() {
    return SfExpress.trackingUrl(courierCompany, waybillNumber);
  }

  /** 签收 is offered: the key of this 邮寄 order is with the courier. */
  public boolean signable() {
    return OrderLifecycle.allows(status, OrderEvent.SIGN, pickupMethod);
  }

  /** The dialog has an invoice to show (otherwise its empty state). */
  public boolean hasInvoice() {
    return invoiceNumber != null && !invoiceNumber.isBlank();
  }

  /**
   * Whether the applicant may still give or correct 开票信息: the order has a price, is not cancelled
   * and has no current invoice.
   */
  public boolean buyerEditable() {
    return InvoiceBuyerState.lockedKey(status, price, hasInvoice()) == null;
  }
}
