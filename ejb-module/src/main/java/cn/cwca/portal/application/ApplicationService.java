package cn.cwca.portal.application;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.Catalogue;
import cn.cwca.portal.catalogue.CertificateSource;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.catalogue.PickupRules;
import cn.cwca.portal.catalogue.PriceQuote;
import cn.cwca.portal.catalogue.PriceTable;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.certificate.CertificateStatus;
import cn.cwca.portal.common.BeijingDays;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.document.DocumentStore;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.KeyProofs;
import cn.cwca.portal.rules.FieldRule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The application wizard of an applicant (user manual 4.1), submission and cancellation. Every step
 * is saved in the draft, and what is typed before a step is saved is kept there too ({@link
 * #keepUncheckedInput}); {@link #submit} checks everything again, prices the order and records it
 * with its audit entry in one transaction.
 *
 * <p>Always the caller's own applications: no method takes an owner, and another applicant's 申请ID
 * behaves like an unknown one.
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("APPLICANT")
public class ApplicationService {

  /**
   * Audit actions (target {@code application:<申请ID>}); the order's steps are {@link OrderEvent}s.
   */
  static final String DRAFT_DISCARDED = "application.draftDiscarded";

  static final String CERTIFICATE_INFORMATION_SAVED = "application.certificateInformationSaved";
  static final String KEY_POSSESSION_PROVEN = "application.keyPossessionProven";
  static final String PICKUP_SAVED = "application.pickupSaved";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject OrderSteps steps;

  @Inject Event<OrderCancelled> cancelled;

  @Inject AccountService accounts;

  @Inject CertificateRegistry registry;

  @Inject CertificateService certificates;

  @Inject Catalogue catalogue;

  @Inject DocumentStore documents;

  @Inject KeyProofs proofs;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /** The caller's open draft (at most one), to resume. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CertificateApplication> currentDraft() {
    return draftOf(callerName());
  }

  /** Step 2 (用户信息确认): the caller's data from the personal centre. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ApplicantSummary applicant() {
    Account account = caller();
    return new ApplicantSummary(
        account.getType(),
        account.getDisplayName(),
        account.getLoginName(),
        account.getMobile(),
        account.getLegalRepresentative(),
        account.getDivisionCode());
  }

  /** 证书年限 choices of a service type; empty for 变更 and 丢失补办. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Integer> yearOptions(ServiceType type, boolean furtherPaidKey) {
    return type == null ? List.of() : prices(caller().getType()).yearOptions(type, furtherPaidKey);
  }

  /**
   * 选择证书: the caller's certificates a 丢失补办 (valid ones) or an 更新+丢失补办 (unrevoked ones inside the
   * renewal window) may be about; empty for the other types.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<CertificateChoice> choosableCertificates(ServiceType type) {
    if (type == null || type.certificateSource() != CertificateSource.FROM_REGISTRY) {
      return List.of();
    }
    String owner = callerName();
    LocalDateTime now = now();
    List<CertificateRecord> records =
        type.isRenewal()
            ? registry.certificatesOf(owner).stream()
                .filter(r -> r.getStatus() == CertificateStatus.VALID)
                .filter(r -> RenewalWindow.isOpen(r.getNotAfter(), now))
                .toList()
            : registry.validCertificatesOf(owner);
    return records.stream()
        .map(
            r ->
                CertificateChoice.of(
                    r.getSerialHex(), r.getSubjectDn(), r.getNotBefore(), r.getNotAfter()))
        .toList();
  }

  /**
   * 识别KEY: the certificate the key agent read, checked as step 1 will check it (the caller's, not
   * revoked, the renewal window, the changed subject); nothing is saved.
   *
   * @throws BusinessException as {@link #saveCertificateInformation} for the certificate
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public CertificateChoice inspectKeyCertificate(ServiceType type, String derBase64) {
    if (type == null || type.certificateSource() != CertificateSource.FROM_KEY) {
      throw new BusinessException("application.certificateRequired");
    }
    ConcernedCertificate c = keyCertificate(type, derBase64, caller(), now());
    return CertificateChoice.of(c.serialHex(), c.subjectDn(), c.notBefore(), c.notAfter());
  }

  /**
   * 识别KEY, once a certificate read from the key was chosen: a new nonce (base64) for the key to
   * sign as the proof that it holds that certificate's private key, which step 1 sends with the
   * certificate ({@link KeyPossession}); single use, for this caller only, valid {@link
   * KeyPossession#VALID_FOR}.
   */
  public String keyChallenge() {
    return proofs.open(callerName(), KeyPossession.PURPOSE, KeyPossession.VALID_FOR).nonce();
  }

  /**
   * Step 1 (立即申请) without a proof of the key: as {@link #saveCertificateInformation(DraftRef,
   * CertificateInformation, KeyProof, String, ClientInfo)}, for the service types whose certificate
   * is not read from the key (and for a draft that holds the certificate read from the key with its
   * key proven already).
   */
  public CertificateApplication saveCertificateInformation(
      DraftRef draft, CertificateInformation info, ClientInfo c) {
    return saveCertificateInformation(draft, info, null, null, c);
  }

  /**
   * Step 1 (立即申请): checks and saves the certificate information. Without a 申请ID it continues the
   * caller's open draft, or starts one, so that a double click never makes two drafts. A
   * certificate read from the key (更新, 变更, 变更+更新) counts only with the key's proof that it holds
   * the certificate's private key, a signature over a nonce of {@link #keyChallenge}; it is
   * recorded and audited with the time of the proof. A draft that holds the same certificate proven
   * already keeps that proof when the step is saved again without one.
   *
   * @param keyProof the key's signature of the {@link cn.cwca.portal.issuance.ProofText} of the
   *     nonce, for a certificate read from the key; {@code null} otherwise
   * @param origin the portal's public origin (the agent signed the proof for the page's origin)
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}; {@code
   *     validation.required} (no service type, agent field missing); {@code
   *     application.keyQuestionsRequired}; {@code application.firstKeyTaken} (新办's free first key
   *     asked for by an applicant who already has one); {@code application.yearsUnavailable}; the
   *     certificate's {@code application.certificateRequired}, {@code .certificateUnreadable},
   *     {@code .certificateNotOwned}, {@code .certificateRevoked}, {@code .certificateExpired},
   *     {@code application.renewal.tooEarly}, {@code application.change.sameSubject}; the proof's
   *     {@code application.keyProofRequired}, {@code .keyProofExpired} (unknown, used, another
   *     applicant's, or too old), {@code .keyProofInvalid}; the agent's {@code validation.name},
   *     {@code validation.mobile}, {@code validation.residentId}, {@code validation.passport};
   *     {@code application.statementRequired}; {@code application.draftExists}, {@code
   *     application.concurrentEdit}
   */
  public CertificateApplication saveCertificateInformation(
      DraftRef draft, CertificateInformation info, KeyProof keyProof, String origin, ClientInfo c) {
    Account account = caller();
    String owner = account.getLoginName();
    LocalDateTime now = now();
    CertificateApplication a =
        draft.publicId() == null
            ? draftOf(owner).orElseGet(() -> newDraft(account, now))
            : Applications.ownedDraft(em, owner, draft);
    if (info == null || info.serviceType() == null) {
      throw new BusinessException("validation.required");
    }
    ServiceType type = info.serviceType();
    Boolean holdsJiangsuKey = null;
    boolean furtherKey = false;
    if (type.asksKeyQuestions()) {
      if (info.holdsUnexpiredJiangsuKey() == null || info.furtherPaidKey() == null) {
        throw new BusinessException("application.keyQuestionsRequired");
      }
      holdsJiangsuKey = info.holdsUnexpiredJiangsuKey();
      furtherKey = info.furtherPaidKey();
      if (!furtherKey) {
        requireFreeFirstKey(owner);
      }
    }
    ConcernedCertificate certificate =
        switch (type.certificateSource()) {
          case NONE -> null;
          case FROM_KEY -> keyCertificate(type, info.keyCertificateDerBase64(), account, now);
          case FROM_REGISTRY -> registryCertificate(type, info.certificateSerialHex(), owner, now);
        };
    LocalDateTime keyProvenAt =
        type.certificateSource() == CertificateSource.FROM_KEY
            ? provenKey(a, certificate, keyProof, origin, owner, now)
            : null;
    if (type == ServiceType.RENEW_AND_LOST) {
      furtherKey = holdsAnotherValidCertificate(owner, certificate.serialHex());
    }
    Integer years = checkedYears(a.getUserType(), type, furtherKey, info.years());
    AgentDetails agent = ApplicationInput.agent(info.agent());
    if (!info.statementAccepted()) {
      throw new BusinessException("application.statementRequired");
    }
    a.recordCertificateInformation(
        type, years, holdsJiangsuKey, furtherKey, certificate, keyProvenAt, agent, now);
    if (a.getPickupMethod() != null
        && !catalogue
            .pickupRules()
            .allows(type, furtherKey, a.getPickupMethod(), a.getHandlingPointCode())) {
      a.clearPickup(now);
    }
    Applications.flush(em);
    if (keyProof != null) {
      audit.record(
          owner,
          KEY_POSSESSION_PROVEN,
          Applications.auditTarget(a),
          "certificate=" + certificate.serialHex() + ", algorithm=" + keyProof.algorithm(),
          c);
    }
    audit.record(
        owner,
        CERTIFICATE_INFORMATION_SAVED,
        Applications.auditTarget(a),
        "serviceType="
            + type
            + ", years="
            + years
            + ", furtherPaidKey="
            + furtherKey
            + (certificate == null ? "" : ", certificate=" + certificate.serialHex()),
        c);
    return a;
  }

  /**
   * Keeps what the applicant has typed on a step's form (证书信息填写 or 取key方式) in the draft as it is,
   * unchecked, while they type: the page sends it on every change, so that a reload, a session
   * timeout or a crash loses nothing. Nothing is checked and no step is saved here (立即申请 and 下一步 do
   * that, and drop what was kept of their step). Without a 申请ID it continues the caller's open
   * draft, or starts one on the first change.
   *
   * @param snapshot every field of the step's form; what was kept of the step before is replaced,
   *     fields of other steps are ignored
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}; {@code
   *     application.draftExists}, {@code application.concurrentEdit}
   */
  public CertificateApplication keepUncheckedInput(
      DraftRef draft, WizardStep step, UncheckedInput snapshot) {
    Account account = caller();
    LocalDateTime now = now();
    CertificateApplication a =
        draft.publicId() == null
            ? draftOf(account.getLoginName()).orElseGet(() -> newDraft(account, now))
            : Applications.ownedDraft(em, account.getLoginName(), draft);
    a.keepUncheckedInput(step, snapshot == null ? UncheckedInput.none() : snapshot, now);
    Applications.flush(em);
    return a;
  }

  /**
   * Step 2 下一步: the applicant confirmed the user information.
   *
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}, {@code
   *     application.concurrentEdit}, {@code application.stepsIncomplete}
   */
  public CertificateApplication confirmUserInformation(DraftRef draft) {
    CertificateApplication a = Applications.ownedDraft(em, callerName(), draft);
    a.confirmUserInformation(now());
    Applications.flush(em);
    return a;
  }

  /**
   * Step 3: the 取key方式 this draft may choose, in display order.
   *
   * @throws BusinessException {@code application.notFound}, {@code application.stepsIncomplete}
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PickupOption> pickupOptions(String publicId) {
    CertificateApplication a = Applications.ownedDraft(em, callerName(), publicId);
    a.requireCertificateInformation();
    return catalogue.pickupRules().optionsFor(a.getServiceType(), a.isFurtherPaidKey());
  }

  /**
   * Step 3 下一步: checks and saves the 取key方式 with its fields (收货人 for 邮寄-收方付, 取证人 for 自取).
   *
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}, {@code
   *     application.concurrentEdit}, {@code application.stepsIncomplete}; {@code
   *     application.pickup.methodRequired}, {@code .notAllowed}, {@code .handlingPointRequired};
   *     {@code validation.required}, {@code validation.name}, {@code validation.mobile}, {@code
   *     validation.address}, {@code validation.remark}, {@code validation.residentId}
   */
  public CertificateApplication savePickup(DraftRef draft, PickupDetails d, ClientInfo c) {
    CertificateApplication a = Applications.ownedDraft(em, callerName(), draft);
    a.requireCertificateInformation();
    if (d == null) {
      throw new BusinessException("application.pickup.methodRequired");
    }
    PickupOption option =
        catalogue
            .pickupRules()
            .choose(a.getServiceType(), a.isFurtherPaidKey(), d.method(), d.handlingPointCode());
    recordPickup(a, option, d, now());
    Applications.flush(em);
    audit.record(
        callerName(),
        PICKUP_SAVED,
        Applications.auditTarget(a),
        "method="
            + d.method()
            + (d.handlingPointCode() == null ? "" : ", handlingPoint=" + d.handlingPointCode()),
        c);
    return a;
  }

  /**
   * 上一步: the step a resumed draft reopens on (only an earlier step than the current one).
   *
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}, {@code
   *     application.concurrentEdit}
   */
  public CertificateApplication goBack(DraftRef draft, WizardStep step) {
    CertificateApplication a = Applications.ownedDraft(em, callerName(), draft);
    if (step != null) {
      a.goBackTo(step, now());
      Applications.flush(em);
    }
    return a;
  }

  /**
   * The price of the application: for a draft what the server will charge on submission, for an
   * order what it was charged.
   *
   * @throws BusinessException {@code application.notFound}, {@code application.stepsIncomplete},
   *     {@code application.price.unavailable}
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public PriceQuote quote(String publicId) {
    CertificateApplication a =
        Applications.owned(em, callerName(), publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (!a.isDraft()) {
      return a.getQuote();
    }
    a.requireCertificateInformation();
    return prices(a.getUserType()).quote(a.getServiceType(), a.isFurtherPaidKey(), a.getYears());
  }

  /**
   * 取消 in the wizard, after the page's confirmation: deletes the draft and its documents.
   *
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}
   */
  public void discardDraft(String publicId, ClientInfo c) {
    String owner = callerName();
    CertificateApplication a = Applications.ownedDraft(em, owner, publicId);
    String target = Applications.auditTarget(a);
    String details = "serviceType=" + a.getServiceType();
    em.remove(a);
    Applications.flush(em);
    audit.record(owner, DRAFT_DISCARDED, target, details, c);
  }

  /**
   * 提交申请: checks every step again on the server (fields, certificate, pickup rule, required
   * documents), prices the order and makes it 待审核 and 待支付 (已支付 when free), with its audit entry, in
   * one transaction. A resent submission with the same token answers the same result and changes
   * nothing.
   *
   * @param draft the draft as the page showed it: one changed since (in another tab) is not
   *     submitted at a price or term the page did not show
   * @param submissionToken {@link CertificateApplication#getSubmissionToken()} of the draft the
   *     page showed
   * @throws BusinessException {@code application.notFound}; {@code
   *     application.submit.tokenMismatch}; {@code application.concurrentEdit}; {@code
   *     application.stepsIncomplete}; {@code application.certificateInformationOutdated}; {@code
   *     application.keyProofMissing} (a certificate read from the key without the key's proof, in a
   *     draft of before the proof was asked); {@code application.document.missing} naming the
   *     missing documents; any refusal of the steps (see {@link
   *     #saveCertificateInformation(DraftRef, CertificateInformation, KeyProof, String,
   *     ClientInfo)}, {@link #savePickup}); {@code application.price.unavailable}
   */
  public SubmissionResult submit(DraftRef draft, String submissionToken, ClientInfo c) {
    Account account = caller();
    String owner = account.getLoginName();
    CertificateApplication a =
        Applications.lockedOwned(em, owner, draft.publicId())
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (submissionToken == null || !a.getSubmissionToken().equals(submissionToken.strip())) {
      throw new BusinessException("application.submit.tokenMismatch");
    }
    if (!a.isDraft()) {
      return SubmissionResult.of(a);
    }
    if (a.getVersion() != draft.version()) {
      throw new BusinessException("application.concurrentEdit");
    }
    LocalDateTime now = now();
    PriceQuote quote = checkedForSubmission(a, account, now);
    OrderStep step = a.submit(quote, now);
    Applications.flush(em);
    steps.record(
        a,
        step,
        owner,
        c,
        "serviceType="
            + a.getServiceType()
            + ", years="
            + a.getYears()
            + ", pickup="
            + a.getPickupMethod()
            + "@"
            + a.getHandlingPointCode()
            + ", price="
            + a.getPrice()
            + ", keyAmount="
            + quote.keyAmount());
    return SubmissionResult.of(a);
  }

  /** One of the caller's applications (draft or order); empty for anyone else's 申请ID. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CertificateApplication> findMine(String publicId) {
    return Applications.owned(em, callerName(), publicId);
  }

  /**
   * 取消申请, after the page's confirmation: only while submitted and unpaid; becomes 用户已取消. The open
   * payments of the order are closed at their providers with it ({@link OrderCancelled}).
   *
   * @throws BusinessException {@code application.notFound}; {@code order.stepRefused}
   */
  public CertificateApplication cancel(String publicId, ClientInfo c) {
    String owner = callerName();
    CertificateApplication a =
        Applications.lockedOwned(em, owner, publicId)
            .filter(o -> !o.isDraft())
            .orElseThrow(() -> new BusinessException("application.notFound"));
    steps.take(a, OrderEvent.CANCEL, owner, c, "serviceType=" + a.getServiceType());
    cancelled.fire(new OrderCancelled(a.getId(), a.getPublicId()));
    return a;
  }

  /**
   * 重新提交, after the page's confirmation: the applicant corrected the documents of a rejected order
   * (驳回) and submits it again, without paying again; it waits for review in its next round. The
   * required documents are checked again, and 新办's free first key must still be the applicant's (a
   * rejected order does not hold it: another order or a certificate may have taken it since).
   *
   * @throws BusinessException {@code application.notFound}; {@code order.stepRefused} when the
   *     order is not rejected; {@code application.document.missing} naming the missing documents;
   *     {@code application.firstKeyTaken}
   */
  public CertificateApplication resubmit(String publicId, ClientInfo c) {
    String owner = callerName();
    CertificateApplication a =
        Applications.lockedOwned(em, owner, publicId)
            .filter(o -> !o.isDraft())
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (!a.isResubmittable()) {
      throw OrderLifecycle.refusal(a.getStatus(), OrderEvent.RESUBMIT);
    }
    ServiceType type = a.getServiceType();
    catalogue
        .documentRequirements(a.getUserType(), type)
        .checkComplete(a.getUserType(), type, documents.types(a.getId()));
    if (type.asksKeyQuestions() && !a.isFurtherPaidKey()) {
      requireFreeFirstKey(owner);
    }
    steps.take(
        a,
        OrderEvent.RESUBMIT,
        owner,
        c,
        "round=" + (a.getReviewRound() + 1) + ", documents=" + documents.types(a.getId()).size());
    return a;
  }

  /**
   * A submitted application of any applicant, for the staff who handle orders (not the
   * administrators: accounts, catalogue and settings are theirs, the orders are not).
   */
  @RolesAllowed({"REVIEWER", "OPERATOR", "FINANCE"})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CertificateApplication> findForStaff(String publicId) {
    return Applications.submitted(em, publicId);
  }

  // ---------------------------------------------------------------------------------------------

  /** Every check of the wizard again, on the stored values; the price. */
  private PriceQuote checkedForSubmission(
      CertificateApplication a, Account account, LocalDateTime now) {
    if (!a.isComplete()) {
      throw new BusinessException("application.stepsIncomplete");
    }
    ServiceType type = a.getServiceType();
    String owner = account.getLoginName();
    ApplicationInput.agent(
        new AgentDetails(
            a.getAgentName(), a.getAgentMobile(), a.getAgentIdType(), a.getAgentIdNumber()));
    boolean furtherKey = a.isFurtherPaidKey();
    switch (type.certificateSource()) {
      case NONE -> {
        // 新办: no certificate; the free first key may have been given since step 1
        if (!furtherKey) {
          requireFreeFirstKey(owner);
        }
      }
      case FROM_KEY -> {
        if (a.getCertificateKeyProvenAt() == null) {
          // a draft saved before the key had to prove it: step 1 again, with the key
          throw new BusinessException("application.keyProofMissing");
        }
        checkCertificate(
            type,
            new ConcernedCertificate(
                a.getCertificateSerialHex(),
                a.getCertificateSubjectDn(),
                a.getCertificateNotBefore(),
                a.getCertificateNotAfter(),
                null),
            account,
            now);
      }
      case FROM_REGISTRY -> {
        ConcernedCertificate c = registryCertificate(type, a.getCertificateSerialHex(), owner, now);
        if (type == ServiceType.RENEW_AND_LOST
            && holdsAnotherValidCertificate(owner, c.serialHex()) != furtherKey) {
          throw new BusinessException("application.certificateInformationOutdated");
        }
      }
    }
    checkedYears(a.getUserType(), type, furtherKey, a.getYears());
    PickupRules rules = catalogue.pickupRules();
    if (!rules.allows(type, furtherKey, a.getPickupMethod(), a.getHandlingPointCode())) {
      throw new BusinessException("application.pickup.notAllowed");
    }
    checkPickupFields(
        a.getPickupMethod(),
        new PickupDetails(
            a.getPickupMethod(),
            a.getHandlingPointCode(),
            a.getRecipientName(),
            a.getRecipientMobile(),
            a.getRecipientAddress(),
            a.getRemark(),
            a.getCollectorName(),
            a.getCollectorMobile(),
            a.getCollectorIdNumber()));
    catalogue
        .documentRequirements(a.getUserType(), type)
        .checkComplete(a.getUserType(), type, documents.types(a.getId()));
    return prices(a.getUserType()).quote(type, furtherKey, a.getYears());
  }

  private void recordPickup(
      CertificateApplication a, PickupOption option, PickupDetails d, LocalDateTime now) {
    PickupDetails checked = checkPickupFields(option.getMethod(), d);
    a.recordPickup(
        option,
        checked.recipientName(),
        checked.recipientMobile(),
        checked.recipientAddress(),
        checked.remark(),
        checked.collectorName(),
        checked.collectorMobile(),
        checked.collectorIdNumber(),
        now);
  }

  /** The fields of the method, checked and normalised; the other method's fields dropped. */
  private static PickupDetails checkPickupFields(PickupMethod method, PickupDetails d) {
    return switch (method) {
      case COURIER ->
          new PickupDetails(
              method,
              d.handlingPointCode(),
              FieldInput.name(d.recipientName()),
              ApplicationInput.mobile(d.recipientMobile()),
              ApplicationInput.address(d.recipientAddress()),
              ApplicationInput.remark(d.remark()),
              null,
              null,
              null);
      case PICKUP ->
          new PickupDetails(
              method,
              d.handlingPointCode(),
              null,
              null,
              null,
              null,
              FieldInput.name(d.collectorName()),
              ApplicationInput.mobile(d.collectorMobile()),
              FieldInput.checked(FieldRule.RESIDENT_ID, d.collectorIdNumber()));
      case SELF_SERVICE ->
          new PickupDetails(
              method, d.handlingPointCode(), null, null, null, null, null, null, null);
    };
  }

  /**
   * The prices an applicant of the type is charged today (Beijing): an order keeps the price it was
   * submitted with, a draft is charged the price of the day it is submitted.
   */
  private PriceTable prices(AccountType userType) {
    return catalogue.priceTable(userType, LocalDate.now(clock.withZone(BeijingDays.ZONE)));
  }

  private Integer checkedYears(
      AccountType userType, ServiceType type, boolean furtherKey, Integer years) {
    if (!type.needsYears()) {
      return null;
    }
    if (years == null) {
      throw new BusinessException("validation.required");
    }
    if (!prices(userType).yearOptions(type, furtherKey).contains(years)) {
      throw new BusinessException("application.yearsUnavailable");
    }
    return years;
  }

  /**
   * The time the key proved that it holds the private key of the certificate read from it: now,
   * with a proof over a nonce of this caller's (spent in the step's transaction); without a proof,
   * the draft's earlier proof of the same certificate.
   */
  private LocalDateTime provenKey(
      CertificateApplication draft,
      ConcernedCertificate certificate,
      KeyProof proof,
      String origin,
      String owner,
      LocalDateTime now) {
    if (proof == null) {
      LocalDateTime before = draft.getCertificateKeyProvenAt();
      if (KeyPossession.alreadyProven(draft.getCertificateDer(), before, certificate.der())) {
        return before;
      }
      throw new BusinessException("application.keyProofRequired");
    }
    try {
      proofs.verify(owner, proof, KeyPossession.PURPOSE, origin, certificate.der());
    } catch (BusinessException refused) {
      throw new BusinessException(KeyPossession.refusal(refused.messageKey()));
    }
    return now;
  }

  /** The certificate read from the key, checked for the service type. */
  private ConcernedCertificate keyCertificate(
      ServiceType type, String derBase64, Account account, LocalDateTime now) {
    KeyCertificate k = KeyCertificates.parse(derBase64);
    ConcernedCertificate c =
        new ConcernedCertificate(
            k.serialHex(), k.subjectDn(), k.notBefore(), k.notAfter(), k.der());
    checkCertificate(type, c, account, now);
    return c;
  }

  /** The caller's certificate chosen from the registry, checked for the service type. */
  private ConcernedCertificate registryCertificate(
      ServiceType type, String serialHex, String owner, LocalDateTime now) {
    if (serialHex == null || serialHex.isBlank()) {
      throw new BusinessException("application.certificateRequired");
    }
    CertificateRecord r =
        registry
            .findOwned(owner, serialHex)
            .orElseThrow(() -> new BusinessException("application.certificateNotOwned"));
    if (r.getStatus() == CertificateStatus.REVOKED) {
      throw new BusinessException("application.certificateRevoked");
    }
    checkValidity(type, r.getNotAfter(), now);
    return new ConcernedCertificate(
        r.getSerialHex(), r.getSubjectDn(), r.getNotBefore(), r.getNotAfter(), null);
  }

  /**
   * A certificate from the key belongs to the caller: this CA (or an earlier issuing CA it
   * recognises) signed it, and the registry says it is the caller's or, for a certificate the
   * registry does not know (issued before it), its subject's serialNumber is the caller's ID number
   * or USCC (the CA puts it there). Not revoked; valid for the service type; for 变更 the subject
   * data changed.
   */
  private void checkCertificate(
      ServiceType type, ConcernedCertificate c, Account account, LocalDateTime now) {
    // Read from the key now: signed by this CA? (At submission the stored certificate is checked
    // again without its DER: it was verified when it was read, and only a new reading replaces it.)
    if (c.der() != null && !certificates.issuedByThisCa(c.der())) {
      throw new BusinessException("application.certificateNotFromThisCa");
    }
    String owner = account.getLoginName();
    Optional<CertificateRecord> known = registry.findBySerial(c.serialHex());
    if (known.isPresent()) {
      if (!owner.equals(known.get().getOwnerLoginName())) {
        throw new BusinessException("application.certificateNotOwned");
      }
      if (known.get().getStatus() == CertificateStatus.REVOKED) {
        throw new BusinessException("application.certificateRevoked");
      }
    } else if (!DistinguishedNames.get(c.subjectDn(), DistinguishedNames.SERIAL_NUMBER)
        .map(owner::equalsIgnoreCase)
        .orElse(false)) {
      throw new BusinessException("application.certificateNotOwned");
    }
    checkValidity(type, c.notAfter(), now);
    if (type.isChange()) {
      SubjectChange.check(
          c.subjectDn(),
          account.getDisplayName(),
          account.getType() == AccountType.ORGANISATION
              && account.legalRepresentativeChangedAfter(c.notBefore()));
    }
  }

  /** Renewal: inside the renewal window; otherwise: not expired. */
  private static void checkValidity(ServiceType type, LocalDateTime notAfter, LocalDateTime now) {
    if (type.isRenewal()) {
      RenewalWindow.check(notAfter, now);
    } else if (!now.isBefore(notAfter)) {
      throw new BusinessException("application.certificateExpired");
    }
  }

  /**
   * Whether the key of 更新+丢失补办 is a further one: the caller holds another valid certificate, so the
   * lost key was not the only (first, free) one.
   */
  private boolean holdsAnotherValidCertificate(String owner, String serialHex) {
    return registry.validCertificatesOf(owner).stream()
        .anyMatch(r -> !r.getSerialHex().equalsIgnoreCase(serialHex));
  }

  /**
   * 新办第一把锁（免费） (user manual 4.1.1.3.1) is given once: an applicant who holds a valid certificate of
   * this CA, or has another order for a free first key that was neither cancelled nor rejected,
   * asks for a further (paid) key whatever they answer to 是否申请第二把及以上的收费锁.
   *
   * @throws BusinessException {@code application.firstKeyTaken}
   */
  private void requireFreeFirstKey(String owner) {
    boolean holdsCertificate = !registry.validCertificatesOf(owner).isEmpty();
    long standingOrders =
        em.createNamedQuery(CertificateApplication.COUNT_FREE_FIRST_KEY_ORDERS_OF, Long.class)
            .setParameter("owner", owner)
            .getSingleResult();
    if (holdsCertificate || standingOrders > 0) {
      throw new BusinessException("application.firstKeyTaken");
    }
  }

  private CertificateApplication newDraft(Account account, LocalDateTime now) {
    CertificateApplication a =
        CertificateApplication.draft(
            account.getLoginName(),
            account.getType(),
            PublicIds.newApplicationId(),
            PublicIds.newSubmissionToken(),
            now);
    em.persist(a);
    return a;
  }

  private Optional<CertificateApplication> draftOf(String owner) {
    return em.createNamedQuery(CertificateApplication.DRAFT_OF, CertificateApplication.class)
        .setParameter("owner", owner)
        .getResultStream()
        .findFirst();
  }

  private Account caller() {
    return accounts.find(callerName()).orElseThrow(() -> new BusinessException("account.notFound"));
  }

  private String callerName() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
