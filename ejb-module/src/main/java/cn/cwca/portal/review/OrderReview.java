package cn.cwca.portal.review;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.CertificateSource;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.ApprovedSubject;
import cn.cwca.portal.certificate.CertificateStatus;
import cn.cwca.portal.document.DocumentInfo;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The review view of an order: everything a reviewer checks before 通过 or 驳回 (the applicant's
 * account, the subject the certificate will carry, the 经办人, the pickup choice, the certificate the
 * order is about, the applicant's other orders and certificates, the documents and every earlier
 * round of review), and whether the caller may decide now. Times are UTC.
 *
 * @param order the order itself
 * @param applicant the applicant's account as it is now
 * @param subject the subject of the certificate: recorded at the approval once the order is
 *     approved, else as the account would give it now
 * @param subjectRecorded whether {@code subject} is the one recorded at the approval
 * @param documents the uploaded documents, in the order of their types
 * @param decisions every decision of the order, by round and stage
 * @param earlierOrders the applicant's other submitted orders, newest first (at most {@value
 *     ReviewService#EARLIER_ORDERS})
 * @param certificates the applicant's certificates, newest first
 * @param claim who holds the order for review now
 * @param secondApproval whether the order's service type asks for a second approval
 * @param firstApprover who gave the first approval of this round (stage 2), or {@code null}
 * @param decidable whether the caller may decide now: they hold the claim on an order waiting for
 *     review that they may review
 * @param claimable whether the caller may claim it now (nobody else holds it, and they may review
 *     it)
 * @param refusalKey why the caller may not review it ({@code review.ownOrder}, {@code
 *     review.secondApprovalSameReviewer}, {@code review.notAwaiting}), or {@code null}
 */
public record OrderReview(
    OrderData order,
    ApplicantData applicant,
    ApprovedSubject subject,
    boolean subjectRecorded,
    List<DocumentInfo> documents,
    List<ReviewRecord> decisions,
    List<EarlierOrder> earlierOrders,
    List<HeldCertificate> certificates,
    ClaimState claim,
    boolean secondApproval,
    String firstApprover,
    boolean decidable,
    boolean claimable,
    String refusalKey)
    implements Serializable {

  public OrderReview {
    documents = List.copyOf(documents);
    decisions = List.copyOf(decisions);
    earlierOrders = List.copyOf(earlierOrders);
    certificates = List.copyOf(certificates);
  }

  /** The decisions of the earlier rounds (before the current one). */
  public List<ReviewRecord> earlierRounds() {
    return decisions.stream().filter(d -> d.round() < order.round()).toList();
  }

  /**
   * The order as submitted: 申请ID, 业务类型, 证书年限, price, status, round and stage, 经办人, 取key方式 with its
   * fields, and the certificate it is about (更新, 变更, 丢失补办; {@code null}s for 新办).
   */
  public record OrderData(
      String publicId,
      AccountType userType,
      ServiceType serviceType,
      Integer years,
      boolean furtherPaidKey,
      BigDecimal price,
      OrderStatus status,
      int round,
      int stage,
      LocalDateTime submittedAt,
      String agentName,
      String agentMobile,
      IdType agentIdType,
      String agentIdNumber,
      PickupMethod pickupMethod,
      String handlingPointName,
      String handlingPointAddress,
      String recipientName,
      String recipientMobile,
      String recipientAddress,
      String remark,
      String collectorName,
      String collectorMobile,
      String collectorIdNumber,
      String certificateSerialHex,
      String certificateSubjectDn,
      LocalDateTime certificateNotBefore,
      LocalDateTime certificateNotAfter,
      LocalDateTime certificateKeyProvenAt,
      LocalDateTime approvedAt)
      implements Serializable {

    /**
     * Whether the certificate was read from the applicant's key (更新, 变更, 变更+更新), whose key then
     * proved at step 1 that it holds the certificate's private key ({@code certificateKeyProvenAt};
     * {@code null} for an order of before the proof was asked).
     */
    public boolean certificateFromKey() {
      return serviceType != null && serviceType.certificateSource() == CertificateSource.FROM_KEY;
    }

    /** Whether the order is about an existing certificate. */
    public boolean concernsCertificate() {
      return certificateSerialHex != null;
    }

    /** Waiting for the first approval (or the only one), or for the second. */
    public boolean awaitingReview() {
      return status == OrderStatus.AWAITING_REVIEW || status == OrderStatus.AWAITING_SECOND_REVIEW;
    }
  }

  /**
   * The applicant's account: 用户类型, 姓名 or 机构名称, login name (ID number or USCC), 证件类型 of a person,
   * mobile, 法定代表人 of an organisation and 所在行政区 (code and full name); {@code null} fields when the
   * account is gone.
   */
  public record ApplicantData(
      AccountType type,
      String name,
      String loginName,
      IdType idType,
      String mobile,
      String legalRepresentative,
      String divisionCode,
      String divisionName)
      implements Serializable {}

  /** Another order of the applicant: 申请ID, 业务类型, status, 申请时间. */
  public record EarlierOrder(
      String publicId, ServiceType serviceType, OrderStatus status, LocalDateTime submittedAt)
      implements Serializable {}

  /** A certificate of the applicant: serial, subject, status and validity. */
  public record HeldCertificate(
      String serialHex,
      String subjectDn,
      CertificateStatus status,
      LocalDateTime notBefore,
      LocalDateTime notAfter)
      implements Serializable {}

  /**
   * Who holds the order for review now.
   *
   * @param claimedBy the holder, or {@code null}
   * @param claimedUntil until when (UTC)
   * @param byCaller whether the caller holds it
   * @param active whether the claim still runs (one that ran out may be taken over)
   */
  public record ClaimState(
      String claimedBy, LocalDateTime claimedUntil, boolean byCaller, boolean active)
      implements Serializable {

    /** Another reviewer holds the order now. */
    public boolean heldByOther() {
      return active && !byCaller;
    }
  }
}
