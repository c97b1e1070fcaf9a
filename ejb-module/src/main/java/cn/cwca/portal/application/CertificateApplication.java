package cn.cwca.portal.application;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.catalogue.PriceQuote;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.ApprovedSubject;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.Messages;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
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
 * 申请: a certificate application, a draft while the wizard runs (every step is saved, and so is what
 * is typed on a step before it is saved, {@link UncheckedInput}: nothing is lost on a refresh, a
 * session timeout or a crash), then the order that is paid, reviewed and fulfilled. It is known
 * outside the server only by its {@link #getPublicId() 申请ID}. Values reaching it are already
 * checked by {@link ApplicationInput} and the rule classes. Times are UTC.
 */
@Entity
@Table(name = "certificate_application")
@NamedQuery(
    name = CertificateApplication.OWNED,
    query =
        "SELECT a FROM CertificateApplication a"
            + " WHERE a.publicId = :publicId AND a.ownerLoginName = :owner")
@NamedQuery(
    name = CertificateApplication.BY_PUBLIC_ID,
    query = "SELECT a FROM CertificateApplication a WHERE a.publicId = :publicId")
@NamedQuery(
    name = CertificateApplication.DRAFT_OF,
    query =
        "SELECT a FROM CertificateApplication a WHERE a.ownerLoginName = :owner"
            + " AND a.status = cn.cwca.portal.application.OrderStatus.DRAFT")
@NamedQuery(
    name = CertificateApplication.COUNT_SUBMITTED_OF,
    query =
        "SELECT COUNT(a) FROM CertificateApplication a WHERE a.ownerLoginName = :owner"
            + " AND a.status <> cn.cwca.portal.application.OrderStatus.DRAFT")
@NamedQuery(
    name = CertificateApplication.COUNT_FREE_FIRST_KEY_ORDERS_OF,
    query =
        "SELECT COUNT(a) FROM CertificateApplication a WHERE a.ownerLoginName = :owner"
            + " AND a.serviceType = cn.cwca.portal.catalogue.ServiceType.NEW_OR_REPLACE"
            + " AND a.furtherPaidKey = false"
            + " AND a.status NOT IN (cn.cwca.portal.application.OrderStatus.DRAFT,"
            + " cn.cwca.portal.application.OrderStatus.CANCELLED,"
            + " cn.cwca.portal.application.OrderStatus.REJECTED)")
public class CertificateApplication implements Serializable {

  static final String OWNED = "CertificateApplication.owned";
  static final String BY_PUBLIC_ID = "CertificateApplication.byPublicId";
  static final String DRAFT_OF = "CertificateApplication.draftOf";
  static final String COUNT_SUBMITTED_OF = "CertificateApplication.countSubmittedOf";

  /** The owner's standing orders for 新办's free first key (submitted, not cancelled or rejected). */
  static final String COUNT_FREE_FIRST_KEY_ORDERS_OF =
      "CertificateApplication.countFreeFirstKeyOrdersOf";

  private static final long serialVersionUID = 1L;

  @Id
  @SequenceGenerator(
      name = "certificate_application_seq",
      sequenceName = "certificate_application_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_application_seq")
  private Long id;

  @Version private long version;

  @Column(name = "public_id", nullable = false, updatable = false, unique = true, length = 16)
  private String publicId;

  @Column(name = "submission_token", nullable = false, updatable = false, length = 32)
  private String submissionToken;

  @Column(name = "owner_login_name", nullable = false, updatable = false, length = 64)
  private String ownerLoginName;

  @Enumerated(EnumType.STRING)
  @Column(name = "user_type", nullable = false, updatable = false, length = 20)
  private AccountType userType;

  @Enumerated(EnumType.STRING)
  @Column(name = "wizard_step", nullable = false, length = 30)
  private WizardStep wizardStep;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_type", length = 30)
  private ServiceType serviceType;

  @Column(name = "years")
  private Integer years;

  @Column(name = "holds_jiangsu_key")
  private Boolean holdsUnexpiredJiangsuKey;

  @Column(name = "further_paid_key", nullable = false)
  private boolean furtherPaidKey;

  @Column(name = "agent_name", length = 100)
  private String agentName;

  @Column(name = "agent_mobile", length = 11)
  private String agentMobile;

  @Enumerated(EnumType.STRING)
  @Column(name = "agent_id_type", length = 20)
  private IdType agentIdType;

  @Column(name = "agent_id_number", length = 32)
  private String agentIdNumber;

  /** {@link UncheckedInput} as JSON; {@code null} when there is none. */
  @Column(name = "unchecked_input")
  private String uncheckedInput;

  @Column(name = "statement_accepted", nullable = false)
  private boolean statementAccepted;

  @Column(name = "user_info_confirmed", nullable = false)
  private boolean userInformationConfirmed;

  @Column(name = "certificate_serial_hex", length = 40)
  private String certificateSerialHex;

  @Column(name = "certificate_subject_dn", length = 1000)
  private String certificateSubjectDn;

  @Column(name = "certificate_not_before")
  private LocalDateTime certificateNotBefore;

  @Column(name = "certificate_not_after")
  private LocalDateTime certificateNotAfter;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "certificate_der")
  private byte[] certificateDer;

  /** When the key proved that it holds the private key of the certificate read from it (UTC). */
  @Column(name = "certificate_key_proven_at")
  private LocalDateTime certificateKeyProvenAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "pickup_method", length = 20)
  private PickupMethod pickupMethod;

  @Column(name = "handling_point_code", length = 30)
  private String handlingPointCode;

  @Column(name = "handling_point_name", length = 100)
  private String handlingPointName;

  @Column(name = "handling_point_address", length = 200)
  private String handlingPointAddress;

  @Column(name = "recipient_name", length = 100)
  private String recipientName;

  @Column(name = "recipient_mobile", length = 11)
  private String recipientMobile;

  @Column(name = "recipient_address", length = 200)
  private String recipientAddress;

  @Column(name = "remark", length = 200)
  private String remark;

  @Column(name = "collector_name", length = 100)
  private String collectorName;

  @Column(name = "collector_mobile", length = 11)
  private String collectorMobile;

  @Column(name = "collector_id_number", length = 18)
  private String collectorIdNumber;

  @Column(name = "price", precision = 10, scale = 2)
  private BigDecimal price;

  @Column(name = "key_amount", precision = 10, scale = 2)
  private BigDecimal keyAmount;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 30)
  private OrderStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "submitted_at")
  private LocalDateTime submittedAt;

  @Column(name = "cancelled_at")
  private LocalDateTime cancelledAt;

  @Column(name = "completed_at")
  private LocalDateTime completedAt;

  /** When the order became paid: its payment was settled, or it was submitted free. */
  @Column(name = "paid_at")
  private LocalDateTime paidAt;

  @Column(name = "issued_serial_hex", length = 40)
  private String issuedSerialHex;

  @Column(name = "key_serial", length = 64)
  private String keySerial;

  /** 1, one more for each resubmission after 驳回. */
  @Column(name = "review_round", nullable = false)
  private int reviewRound = 1;

  @Column(name = "claimed_by", length = 64)
  private String claimedBy;

  @Column(name = "claimed_until")
  private LocalDateTime claimedUntil;

  @Column(name = "approved_at")
  private LocalDateTime approvedAt;

  @Column(name = "subject_name", length = 100)
  private String subjectName;

  @Column(name = "subject_code", length = 64)
  private String subjectCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_code_type", length = 20)
  private ApprovedSubject.CodeType subjectCodeType;

  @Column(name = "subject_legal_representative", length = 100)
  private String subjectLegalRepresentative;

  @Column(name = "subject_division_code", length = 6)
  private String subjectDivisionCode;

  @Column(name = "subject_province", length = 128)
  private String subjectProvince;

  @Column(name = "subject_city", length = 128)
  private String subjectCity;

  protected CertificateApplication() {}

  /** A new, empty draft of an applicant, opening on step 1. */
  static CertificateApplication draft(
      String ownerLoginName,
      AccountType userType,
      String publicId,
      String submissionToken,
      LocalDateTime now) {
    if (userType != AccountType.NATURAL_PERSON && userType != AccountType.ORGANISATION) {
      throw new IllegalArgumentException("only applicants apply: " + userType);
    }
    CertificateApplication a = new CertificateApplication();
    a.ownerLoginName = Objects.requireNonNull(ownerLoginName);
    a.userType = userType;
    a.publicId = Objects.requireNonNull(publicId);
    a.submissionToken = Objects.requireNonNull(submissionToken);
    a.wizardStep = WizardStep.CERTIFICATE_INFORMATION;
    a.status = OrderStatus.DRAFT;
    a.createdAt = now;
    a.updatedAt = now;
    return a;
  }

  /**
   * Step 1: records the checked certificate information. Changing it asks for the user information
   * to be confirmed again (step 2); the pickup choice is kept only while {@code
   * pickupStillAllowed}.
   *
   * @param keyProvenAt when the key proved that it holds the private key of the certificate read
   *     from it; {@code null} for a certificate that is not read from the key
   */
  void recordCertificateInformation(
      ServiceType type,
      Integer checkedYears,
      Boolean holdsJiangsuKey,
      boolean furtherKey,
      ConcernedCertificate certificate,
      LocalDateTime keyProvenAt,
      AgentDetails agent,
      LocalDateTime now) {
    requireDraft();
    // The lazy DER first: with EclipseLink's weaving, writing an attribute that was not fetched
    // loads the rest of the row, which would overwrite the fields set before it (a resumed draft
    // lost its new 服务类型 and 证书年限 so).
    certificateDer =
        certificate == null || certificate.der() == null ? null : certificate.der().clone();
    certificateKeyProvenAt = certificateDer == null ? null : keyProvenAt;
    this.serviceType = Objects.requireNonNull(type);
    this.years = type.needsYears() ? Objects.requireNonNull(checkedYears) : null;
    this.holdsUnexpiredJiangsuKey = type.asksKeyQuestions() ? holdsJiangsuKey : null;
    this.furtherPaidKey = type.distinguishesFurtherKey() && furtherKey;
    if (certificate == null) {
      certificateSerialHex = null;
      certificateSubjectDn = null;
      certificateNotBefore = null;
      certificateNotAfter = null;
    } else {
      certificateSerialHex = certificate.serialHex();
      certificateSubjectDn = certificate.subjectDn();
      certificateNotBefore = certificate.notBefore();
      certificateNotAfter = certificate.notAfter();
    }
    this.agentName = agent.name();
    this.agentMobile = agent.mobile();
    this.agentIdType = agent.idType();
    this.agentIdNumber = agent.idNumber();
    this.statementAccepted = true;
    this.userInformationConfirmed = false;
    this.uncheckedInput = getUncheckedInput().without(WizardStep.CERTIFICATE_INFORMATION).toJson();
    this.wizardStep = WizardStep.CONFIRMATION;
    this.updatedAt = now;
  }

  /**
   * Drops the pickup choice and what was typed on 取key方式 (after step 1 changed the service type or
   * key to one without it, or before a new choice is recorded).
   */
  void clearPickup(LocalDateTime now) {
    requireDraft();
    pickupMethod = null;
    handlingPointCode = null;
    handlingPointName = null;
    handlingPointAddress = null;
    recipientName = null;
    recipientMobile = null;
    recipientAddress = null;
    remark = null;
    collectorName = null;
    collectorMobile = null;
    collectorIdNumber = null;
    uncheckedInput = getUncheckedInput().without(WizardStep.PICKUP).toJson();
    updatedAt = now;
  }

  /**
   * Keeps what the applicant typed on a step of the draft, unchecked, in place of what was kept of
   * that step before; the step's saved values stay as they are until it is saved again.
   */
  void keepUncheckedInput(WizardStep step, UncheckedInput snapshot, LocalDateTime now) {
    requireDraft();
    uncheckedInput = getUncheckedInput().replacing(step, snapshot).toJson();
    updatedAt = now;
  }

  /** Step 2: the applicant confirmed the user information. */
  void confirmUserInformation(LocalDateTime now) {
    requireDraft();
    requireCertificateInformation();
    userInformationConfirmed = true;
    advanceTo(WizardStep.PICKUP);
    updatedAt = now;
  }

  /** Step 3: records the checked pickup choice; the other method's fields are cleared. */
  void recordPickup(
      PickupOption option,
      String checkedRecipientName,
      String checkedRecipientMobile,
      String checkedRecipientAddress,
      String checkedRemark,
      String checkedCollectorName,
      String checkedCollectorMobile,
      String checkedCollectorIdNumber,
      LocalDateTime now) {
    requireDraft();
    requireCertificateInformation();
    clearPickup(now);
    pickupMethod = option.getMethod();
    handlingPointCode = option.getHandlingPoint().getCode();
    handlingPointName = option.getHandlingPoint().getName();
    handlingPointAddress = option.getHandlingPoint().getAddress();
    if (pickupMethod == PickupMethod.COURIER) {
      recipientName = Objects.requireNonNull(checkedRecipientName);
      recipientMobile = Objects.requireNonNull(checkedRecipientMobile);
      recipientAddress = Objects.requireNonNull(checkedRecipientAddress);
      remark = checkedRemark;
    } else if (pickupMethod == PickupMethod.PICKUP) {
      collectorName = Objects.requireNonNull(checkedCollectorName);
      collectorMobile = Objects.requireNonNull(checkedCollectorMobile);
      collectorIdNumber = Objects.requireNonNull(checkedCollectorIdNumber);
    }
    advanceTo(WizardStep.DOCUMENTS);
  }

  /** 上一步: the step to reopen, never one after the current. */
  void goBackTo(WizardStep step, LocalDateTime now) {
    requireDraft();
    if (step.compareTo(wizardStep) < 0) {
      wizardStep = step;
      updatedAt = now;
    }
  }

  /**
   * 提交申请: the draft becomes an order at the quoted price, waiting for payment, or paid at once when
   * free. The caller has checked everything.
   *
   * @return the step taken, for the audit trail
   */
  OrderStep submit(PriceQuote quote, LocalDateTime now) {
    requireDraft();
    if (!isComplete()) {
      throw new BusinessException("application.stepsIncomplete");
    }
    OrderStep step = take(quote.isFree() ? OrderEvent.SUBMIT_FREE : OrderEvent.SUBMIT, now);
    price = quote.amount();
    keyAmount = quote.keyAmount();
    submittedAt = now;
    return step;
  }

  /**
   * Takes a step of the {@link OrderLifecycle}; the services call it through {@link OrderSteps},
   * which audits it.
   *
   * @throws BusinessException {@code order.stepRefused} when the lifecycle does not allow it; the
   *     order is unchanged
   */
  OrderStep take(OrderEvent event, LocalDateTime now) {
    OrderStatus from = status;
    OrderStatus to = OrderLifecycle.require(from, event, pickupMethod);
    status = to;
    // Whoever held the order for review let go of it with the step (a decision ends the claim).
    claimedBy = null;
    claimedUntil = null;
    if (event == OrderEvent.RESUBMIT) {
      reviewRound++;
    }
    if (event == OrderEvent.PAY || event == OrderEvent.SUBMIT_FREE) {
      paidAt = now;
    }
    if (to == OrderStatus.CANCELLED) {
      cancelledAt = now;
    } else if (to == OrderStatus.COMPLETED) {
      completedAt = now;
    }
    updatedAt = now;
    return new OrderStep(publicId, event, from, to);
  }

  /**
   * 领取: a reviewer claims the order, waiting for review, until the given time (again: the claim is
   * renewed). Who may claim it is the review service's to decide on the locked order.
   *
   * @throws BusinessException {@code review.notAwaiting} when the order does not wait for review
   */
  public void claimForReview(String reviewer, LocalDateTime until) {
    requireAwaitingReview();
    claimedBy = Objects.requireNonNull(reviewer);
    claimedUntil = Objects.requireNonNull(until);
  }

  /** Ends the claim of whoever held the order for review. */
  public void releaseReviewClaim() {
    claimedBy = null;
    claimedUntil = null;
  }

  /**
   * Records the subject an approved order's certificate will carry, as reviewed (the account's data
   * at the approval), once: a later edit of the account changes nothing of it.
   *
   * @throws IllegalStateException when the order is not approved, or has its subject already
   */
  public void recordApprovedSubject(ApprovedSubject subject, LocalDateTime now) {
    if (status != OrderStatus.APPROVED || subjectName != null) {
      throw new IllegalStateException(publicId + " is " + status + ", subject " + subjectName);
    }
    subjectName = subject.name();
    subjectCode = subject.code();
    subjectCodeType = subject.codeType();
    subjectLegalRepresentative = subject.legalRepresentative();
    subjectDivisionCode = subject.divisionCode();
    subjectProvince = subject.province();
    subjectCity = subject.city();
    approvedAt = now;
    updatedAt = now;
  }

  /**
   * @throws BusinessException {@code review.notAwaiting} naming the status when the order does not
   *     wait for review
   */
  public void requireAwaitingReview() {
    if (!isAwaitingReview()) {
      throw new BusinessException("review.notAwaiting", Messages.text(status.labelKey()));
    }
  }

  /**
   * 制证: the certificate issued for the approved order, and the serial of the USB key it was made on
   * at the office ({@code null} for 自助); taken with the {@link OrderEvent#MAKE_CERTIFICATE} step.
   *
   * @throws IllegalStateException when the order is not approved or has its certificate already
   */
  public void recordIssued(String serialHex, String usbKeySerial) {
    if (status != OrderStatus.APPROVED || issuedSerialHex != null) {
      throw new IllegalStateException("order " + publicId + " is " + status);
    }
    issuedSerialHex = Objects.requireNonNull(serialHex);
    keySerial = usbKeySerial;
  }

  /**
   * Whether the steps before the documents are done: certificate information, confirmation and a
   * pickup choice.
   */
  boolean isComplete() {
    return serviceType != null
        && statementAccepted
        && userInformationConfirmed
        && pickupMethod != null;
  }

  /**
   * @throws BusinessException {@code application.notDraft} once submitted
   */
  void requireDraft() {
    if (status != OrderStatus.DRAFT) {
      throw new BusinessException("application.notDraft");
    }
  }

  /**
   * @throws BusinessException {@code application.stepsIncomplete} before step 1 was saved
   */
  void requireCertificateInformation() {
    if (serviceType == null) {
      throw new BusinessException("application.stepsIncomplete");
    }
  }

  private void advanceTo(WizardStep step) {
    if (step.compareTo(wizardStep) > 0) {
      wizardStep = step;
    }
  }

  /** Still being filled in. */
  public boolean isDraft() {
    return status == OrderStatus.DRAFT;
  }

  /** 取消申请 is offered: submitted and not paid. */
  public boolean isCancellable() {
    return OrderLifecycle.allows(status, OrderEvent.CANCEL, pickupMethod);
  }

  /** 立即支付 is offered: submitted and not paid (a free order never is). */
  public boolean isPayable() {
    return OrderLifecycle.allows(status, OrderEvent.PAY, pickupMethod);
  }

  /**
   * 制证 is offered to the applicant: an approved self-service order, or one whose certificate was
   * made and is not yet confirmed on the key (an interrupted 制证 writes it again).
   */
  public boolean isReadyForSelfService() {
    return (status == OrderStatus.APPROVED || status == OrderStatus.CERTIFICATE_MADE)
        && pickupMethod == PickupMethod.SELF_SERVICE;
  }

  /** 修改资料并重新提交 is offered: the order was rejected (驳回). */
  public boolean isResubmittable() {
    return OrderLifecycle.allows(status, OrderEvent.RESUBMIT, pickupMethod);
  }

  /** Waiting for a reviewer: for the first approval (or the only one), or for the second. */
  public boolean isAwaitingReview() {
    return status == OrderStatus.AWAITING_REVIEW || status == OrderStatus.AWAITING_SECOND_REVIEW;
  }

  /** The stage of review the order waits for: 2 for a second approval, 1 otherwise. */
  public int getReviewStage() {
    return status == OrderStatus.AWAITING_SECOND_REVIEW ? 2 : 1;
  }

  /** The internal id; it never leaves the server (payments, decisions and files refer to it). */
  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  /** 申请ID. */
  public String getPublicId() {
    return publicId;
  }

  /** What the page sends back with 提交申请, so that a resent submission changes nothing. */
  public String getSubmissionToken() {
    return submissionToken;
  }

  public String getOwnerLoginName() {
    return ownerLoginName;
  }

  /** 用户类型. */
  public AccountType getUserType() {
    return userType;
  }

  /** The step a resumed draft opens on. */
  public WizardStep getWizardStep() {
    return wizardStep;
  }

  /** 业务类型; {@code null} before step 1 was saved. */
  public ServiceType getServiceType() {
    return serviceType;
  }

  /** 证书年限; {@code null} for the types without years. */
  public Integer getYears() {
    return years;
  }

  /** 是否拥有未到期江苏智慧锁 (新办 only). */
  public Boolean getHoldsUnexpiredJiangsuKey() {
    return holdsUnexpiredJiangsuKey;
  }

  /**
   * Whether the key is a further (2nd+, paid) one: 新办's answer to 是否申请第二把及以上的收费锁, or for 更新+丢失补办
   * whether the applicant holds another valid certificate.
   */
  public boolean isFurtherPaidKey() {
    return furtherPaidKey;
  }

  public String getAgentName() {
    return agentName;
  }

  public String getAgentMobile() {
    return agentMobile;
  }

  public IdType getAgentIdType() {
    return agentIdType;
  }

  public String getAgentIdNumber() {
    return agentIdNumber;
  }

  /** What was typed on the steps and not saved yet; none once every step is saved. */
  public UncheckedInput getUncheckedInput() {
    return UncheckedInput.fromJson(uncheckedInput);
  }

  public boolean isStatementAccepted() {
    return statementAccepted;
  }

  public boolean isUserInformationConfirmed() {
    return userInformationConfirmed;
  }

  /** Serial (lower-case hex) of the certificate concerned; {@code null} for 新办. */
  public String getCertificateSerialHex() {
    return certificateSerialHex;
  }

  public String getCertificateSubjectDn() {
    return certificateSubjectDn;
  }

  /** The subject's CN of the certificate concerned, for display. */
  public String getCertificateSubjectName() {
    return certificateSubjectDn == null
        ? null
        : DistinguishedNames.get(certificateSubjectDn, DistinguishedNames.COMMON_NAME)
            .orElse(certificateSubjectDn);
  }

  public LocalDateTime getCertificateNotBefore() {
    return certificateNotBefore;
  }

  public LocalDateTime getCertificateNotAfter() {
    return certificateNotAfter;
  }

  /** 取key方式; {@code null} before step 3. */
  public PickupMethod getPickupMethod() {
    return pickupMethod;
  }

  public String getHandlingPointCode() {
    return handlingPointCode;
  }

  /** 办理点. */
  public String getHandlingPointName() {
    return handlingPointName;
  }

  /** 发货地址 (邮寄) or 取证地址 (自取). */
  public String getHandlingPointAddress() {
    return handlingPointAddress;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public String getRecipientMobile() {
    return recipientMobile;
  }

  public String getRecipientAddress() {
    return recipientAddress;
  }

  public String getRemark() {
    return remark;
  }

  public String getCollectorName() {
    return collectorName;
  }

  public String getCollectorMobile() {
    return collectorMobile;
  }

  public String getCollectorIdNumber() {
    return collectorIdNumber;
  }

  /** Yuan, in all; {@code null} until submitted (see {@code ApplicationService.quote} before). */
  public BigDecimal getPrice() {
    return price;
  }

  /** The price as it was submitted, itemised; {@code null} until submitted. */
  public PriceQuote getQuote() {
    return price == null
        ? null
        : PriceQuote.itemised(price, keyAmount == null ? BigDecimal.ZERO : keyAmount);
  }

  /** Where the order stands. */
  public OrderStatus getStatus() {
    return status;
  }

  /** 审核状态 of the progress grid; {@code null} for a draft. */
  public ReviewStatus getReviewStatus() {
    return status.reviewStatus();
  }

  /** 支付状态 of the progress grid. */
  public PaymentStatus getPaymentStatus() {
    return status.paymentStatus();
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  /** 申请时间; {@code null} for a draft. */
  public LocalDateTime getSubmittedAt() {
    return submittedAt;
  }

  public LocalDateTime getCancelledAt() {
    return cancelledAt;
  }

  /** Serial (lower-case hex) of the certificate made for the order; {@code null} before 制证. */
  public String getIssuedSerialHex() {
    return issuedSerialHex;
  }

  /** Serial of the USB key the certificate was made on at the office; {@code null} for 自助. */
  public String getKeySerial() {
    return keySerial;
  }

  /**
   * The certificate concerned as read from the applicant's key at step 1 (更新, 变更 and their
   * combination); {@code null} for the other types.
   */
  public byte[] getCertificateDer() {
    return certificateDer == null ? null : certificateDer.clone();
  }

  /**
   * When the applicant's key proved at step 1 that it holds the private key of the certificate read
   * from it (UTC); {@code null} for the other types, and for the drafts and orders of before the
   * proof was asked.
   */
  public LocalDateTime getCertificateKeyProvenAt() {
    return certificateKeyProvenAt;
  }

  /** When the order became 已完成; {@code null} before. */
  public LocalDateTime getCompletedAt() {
    return completedAt;
  }

  /**
   * When the order became paid (UTC): its payment settled (支付), or its submission when free; {@code
   * null} before, and for the orders paid before the portal recorded it.
   */
  public LocalDateTime getPaidAt() {
    return paidAt;
  }

  /** The round of review: 1, and one more for each resubmission after 驳回. */
  public int getReviewRound() {
    return reviewRound;
  }

  /** The reviewer who claimed the order (领取), or {@code null}; see {@link #getClaimedUntil()}. */
  public String getClaimedBy() {
    return claimedBy;
  }

  /** Until when the claim holds (UTC); another reviewer may take the order after it. */
  public LocalDateTime getClaimedUntil() {
    return claimedUntil;
  }

  /** When the order was approved (审核通过, UTC); {@code null} before. */
  public LocalDateTime getApprovedAt() {
    return approvedAt;
  }

  /**
   * The subject the order's certificate carries, as it was reviewed and approved; {@code null}
   * until the order is approved.
   */
  public ApprovedSubject getApprovedSubject() {
    return subjectName == null
        ? null
        : new ApprovedSubject(
            subjectName,
            subjectCodeType,
            subjectCode,
            subjectLegalRepresentative,
            subjectDivisionCode,
            subjectProvince,
            subjectCity);
  }

  @Override
  public String toString() {
    return "CertificateApplication[" + publicId + ", " + serviceType + ", " + status + "]";
  }
}
