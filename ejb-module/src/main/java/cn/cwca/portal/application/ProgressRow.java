package cn.cwca.portal.application;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of 进度查询: 申请ID, 用户类型, 业务类型, 审核状态, 审核意见, 申请时间 (UTC), 支付状态, 办理点, the 快递信息 dialog's courier
 * and invoice data (empty until the operators enter them), and which actions apply.
 */
public record ProgressRow(
    String publicId,
    AccountType userType,
    ServiceType serviceType,
    ReviewStatus reviewStatus,
    String reviewOpinion,
    LocalDateTime submittedAt,
    PaymentStatus paymentStatus,
    String handlingPointName,
    PickupMethod pickupMethod,
    BigDecimal price,
    String courierCompany,
    String waybillNumber,
    String invoiceNumber,
    String invoiceUrl,
    boolean cancellable,
    boolean payable,
    boolean readyForSelfService)
    implements Serializable {

  static ProgressRow of(CertificateApplication a) {
    return new ProgressRow(
        a.getPublicId(),
        a.getUserType(),
        a.getServiceType(),
        a.getReviewStatus(),
        a.getReviewOpinion(),
        a.getSubmittedAt(),
        a.getPaymentStatus(),
        a.getHandlingPointName(),
        a.getPickupMethod(),
        a.getPrice(),
        a.getCourierCompany(),
        a.getWaybillNumber(),
        a.getInvoiceNumber(),
        a.getInvoiceUrl(),
        a.isCancellable(),
        a.isPayable(),
        a.isReadyForSelfService());
  }

  /** The dialog has courier data to show (otherwise its empty state). */
  public boolean hasCourierInfo() {
    return waybillNumber != null && !waybillNumber.isBlank();
  }

  /** The dialog has an invoice to show (otherwise its empty state). */
  public boolean hasInvoice() {
    return invoiceNumber != null && !invoiceNumber.isBlank();
  }
}
