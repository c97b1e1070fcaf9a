package cn.cwca.portal.web.applicant;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicantSummary;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.CertificateChoice;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.InputField;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.application.SubmissionResult;
import cn.cwca.portal.application.UncheckedInput;
import cn.cwca.portal.application.WizardStep;
import cn.cwca.portal.catalogue.CertificateSource;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.catalogue.PriceQuote;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.rules.AdministrativeDivisions;
import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.web.BeijingTimeConverter;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.primefaces.PrimeFaces;

/**
 * /applicant/apply.xhtml: the certificate application wizard (user manual 4.1): 证书信息填写 > 用户信息确认 >
 * 取key方式 > 资料文件上传 > 提交成功. Every step is saved by {@link ApplicationService} in the draft, and the
 * page always shows the step the draft stands at (after each step it reloads itself), so that a
 * refresh, a new session or another browser resumes where the applicant left off. Before a step is
 * saved, what is typed on 证书信息填写 and 取key方式 is kept in the draft on every change ({@link
 * #keepInput}) and shown again when the step reopens.
 */
@Named
@ViewScoped
public class ApplyBacking extends DocumentSlots {

  private static final long serialVersionUID = 1L;

  /** Where every saved step goes: this page again, opened on the draft's step. */
  static final String RESUME = "/applicant/apply.xhtml?faces-redirect=true&resume=true";

  /** What the page shows. */
  public enum Stage {
    /** A draft exists and the applicant came without asking to resume: 继续填写 or 取消. */
    DRAFT_FOUND,
    CERTIFICATE_INFORMATION,
    CONFIRMATION,
    PICKUP,
    DOCUMENTS,
    /** 提交成功. */
    SUBMITTED
  }

  @Inject private ApplicationService applications;

  @Inject private KeyCertificateMemo keyMemo;

  private boolean resume;
  private String submittedId;

  private Stage stage;
  private CertificateApplication application;

  /** The current step's fields as typed ({@link UncheckedInput} as JSON), sent on every change. */
  private String uncheckedInput;

  // 证书信息填写
  private ServiceType serviceType;
  private Integer years;
  private List<Integer> yearOptions = List.of();
  private Boolean holdsJiangsuKey;
  private Boolean furtherPaidKey;
  private List<CertificateChoice> certificates = List.of();
  private String certificateSerial;
  private String keyCertificate;
  private CertificateChoice keyChoice;
  private String agentName;
  private String agentMobile;
  private IdType agentIdType = IdType.RESIDENT_ID;
  private String agentIdNumber;
  private boolean statementAccepted;

  // 用户信息确认
  private ApplicantSummary applicant;

  // 取key方式
  private List<PickupOption> pickupOptions = List.of();
  private PickupMethod pickupMethod;
  private String handlingPointCode;
  private String recipientName;
  private String recipientMobile;
  private String recipientAddress;
  private String remark;
  private String collectorName;
  private String collectorMobile;
  private String collectorIdNumber;

  // 资料文件上传
  private PriceQuote quote;

  /** f:viewAction: decides what to show from the view parameters and the caller's draft. */
  public void open() {
    if (submittedId != null) {
      Optional<CertificateApplication> order =
          applications.findMine(submittedId).filter(a -> !a.isDraft());
      if (order.isPresent()) {
        application = order.get();
        stage = Stage.SUBMITTED;
        return;
      }
    }
    Optional<CertificateApplication> draft = applications.currentDraft();
    if (draft.isEmpty()) {
      stage = Stage.CERTIFICATE_INFORMATION;
      return;
    }
    application = draft.get();
    if (!resume) {
      stage = Stage.DRAFT_FOUND;
      return;
    }
    show(application.getWizardStep());
  }

  private void show(WizardStep step) {
    try {
      switch (step) {
        case CERTIFICATE_INFORMATION -> showCertificateInformation();
        case CONFIRMATION -> applicant = applications.applicant();
        case PICKUP -> showPickup();
        case DOCUMENTS -> showDocuments();
      }
      stage = Stage.valueOf(step.name());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      showCertificateInformation();
      stage = Stage.CERTIFICATE_INFORMATION;
    }
  }

  private void showCertificateInformation() {
    CertificateApplication a = application;
    serviceType = a.getServiceType();
    years = a.getYears();
    holdsJiangsuKey = a.getHoldsUnexpiredJiangsuKey();
    furtherPaidKey =
        serviceType != null && serviceType.asksKeyQuestions() ? a.isFurtherPaidKey() : null;
    certificateSerial = a.getCertificateSerialHex();
    agentName = a.getAgentName();
    agentMobile = a.getAgentMobile();
    agentIdType = a.getAgentIdType() == null ? IdType.RESIDENT_ID : a.getAgentIdType();
    agentIdNumber = a.getAgentIdNumber();
    statementAccepted = a.isStatementAccepted();
    restoreCertificateInformation(a.getUncheckedInput());
    refreshChoices();
    if (isFromKey() && keyMemo.derBase64() != null) {
      try {
        CertificateChoice remembered =
            applications.inspectKeyCertificate(serviceType, keyMemo.derBase64());
        if (remembered.serialHex().equalsIgnoreCase(Objects.toString(certificateSerial, ""))) {
          keyCertificate = keyMemo.derBase64();
          keyChoice = remembered;
        }
      } catch (BusinessException stale) {
        keyChoice = null;
      }
    }
  }

  private void showPickup() {
    pickupOptions = applications.pickupOptions(application.getPublicId());
    pickupMethod = application.getPickupMethod();
    handlingPointCode = application.getHandlingPointCode();
    recipientName = application.getRecipientName();
    recipientMobile = application.getRecipientMobile();
    recipientAddress = application.getRecipientAddress();
    remark = application.getRemark();
    collectorName = application.getCollectorName();
    collectorMobile = application.getCollectorMobile();
    collectorIdNumber = application.getCollectorIdNumber();
    restorePickup(application.getUncheckedInput());
    List<PickupMethod> methods = getPickupMethods();
    if (pickupMethod == null && methods.size() == 1) {
      pickupMethod = methods.get(0);
    }
    choosePointIfSingle();
  }

  /** What was typed on 证书信息填写 and not saved yet, in place of the saved values. */
  private void restoreCertificateInformation(UncheckedInput typed) {
    if (typed.has(InputField.SERVICE_TYPE)) {
      serviceType = typed.choice(InputField.SERVICE_TYPE, ServiceType.class);
    }
    if (typed.has(InputField.YEARS)) {
      years = typed.number(InputField.YEARS);
    }
    if (typed.has(InputField.HOLDS_JIANGSU_KEY)) {
      holdsJiangsuKey = typed.yesOrNo(InputField.HOLDS_JIANGSU_KEY);
    }
    if (typed.has(InputField.FURTHER_PAID_KEY)) {
      furtherPaidKey = typed.yesOrNo(InputField.FURTHER_PAID_KEY);
    }
    certificateSerial = typedText(typed, InputField.CERTIFICATE_SERIAL, certificateSerial);
    agentName = typedText(typed, InputField.AGENT_NAME, agentName);
    agentMobile = typedText(typed, InputField.AGENT_MOBILE, agentMobile);
    IdType idType = typed.choice(InputField.AGENT_ID_TYPE, IdType.class);
    if (idType != null) {
      agentIdType = idType;
    }
    agentIdNumber = typedText(typed, InputField.AGENT_ID_NUMBER, agentIdNumber);
    if (typed.has(InputField.STATEMENT_ACCEPTED)) {
      statementAccepted = Boolean.TRUE.equals(typed.yesOrNo(InputField.STATEMENT_ACCEPTED));
    }
  }

  /** What was typed on 取key方式 and not saved yet, in place of the saved values. */
  private void restorePickup(UncheckedInput typed) {
    PickupMethod method = typed.choice(InputField.PICKUP_METHOD, PickupMethod.class);
    if (method != null && getPickupMethods().contains(method)) {
      pickupMethod = method;
    }
    handlingPointCode = typedText(typed, InputField.HANDLING_POINT, handlingPointCode);
    recipientName = typedText(typed, InputField.RECIPIENT_NAME, recipientName);
    recipientMobile = typedText(typed, InputField.RECIPIENT_MOBILE, recipientMobile);
    recipientAddress = typedText(typed, InputField.RECIPIENT_ADDRESS, recipientAddress);
    remark = typedText(typed, InputField.REMARK, remark);
    collectorName = typedText(typed, InputField.COLLECTOR_NAME, collectorName);
    collectorMobile = typedText(typed, InputField.COLLECTOR_MOBILE, collectorMobile);
    collectorIdNumber = typedText(typed, InputField.COLLECTOR_ID_NUMBER, collectorIdNumber);
  }

  /** The typed text of the field ({@code null} when cleared), or the saved value without input. */
  private static String typedText(UncheckedInput typed, InputField field, String saved) {
    if (!typed.has(field)) {
      return saved;
    }
    String text = typed.text(field);
    return text.isEmpty() ? null : text;
  }

  private void showDocuments() {
    refreshDocuments();
  }

  // ===== 继续填写 / 取消 =====

  /** 取消 (after the confirmation dialog): deletes the draft with its documents. */
  public String discard() {
    if (application != null && application.isDraft()) {
      try {
        applications.discardDraft(application.getPublicId(), caller.clientInfo());
      } catch (BusinessException refusal) {
        FacesMessages.addError(refusal);
        return null;
      }
    }
    FacesMessages.addFlashInfoLabel("apply.discarded");
    return "/applicant/apply.xhtml?faces-redirect=true";
  }

  /** 上一步 to the given step; nothing is lost. */
  public String back(WizardStep step) {
    try {
      applications.goBack(DraftRef.of(application), step);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return RESUME;
  }

  // ===== what is typed, before a step is saved =====

  /**
   * The remote command of 证书信息填写 and 取key方式, on every change of their fields: keeps the step's
   * fields as typed in the draft (starting the draft on the first change), unchecked. Tells the
   * page whether they were kept ({@code inputKept}) and, if not, why ({@code refusal}).
   */
  public void keepInput(WizardStep step) {
    PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
    try {
      application =
          applications.keepUncheckedInput(
              DraftRef.of(application), step, UncheckedInput.fromJson(uncheckedInput));
      ajax.addCallbackParam("inputKept", true);
    } catch (BusinessException refusal) {
      ajax.addCallbackParam("inputKept", false);
      ajax.addCallbackParam("refusal", FacesMessages.message(refusal.messageKey(), refusal.args()));
    }
  }

  // ===== 证书信息填写 =====

  /** The 服务类型 changed: the fields of the new type. */
  public void serviceTypeChanged() {
    years = null;
    holdsJiangsuKey = null;
    furtherPaidKey = null;
    certificateSerial = null;
    keyChoice = null;
    keyCertificate = null;
    refreshChoices();
    PrimeFaces.current().ajax().addCallbackParam("fromKey", isFromKey());
    PrimeFaces.current()
        .ajax()
        .addCallbackParam("lost", serviceType != null && serviceType.isLost());
  }

  /** 是否申请第二把及以上的收费锁 changed: the years the price table has for that key. */
  public void furtherKeyChanged() {
    refreshYears();
  }

  private void refreshChoices() {
    refreshYears();
    certificates =
        serviceType != null && serviceType.certificateSource() == CertificateSource.FROM_REGISTRY
            ? applications.choosableCertificates(serviceType)
            : List.of();
  }

  private void refreshYears() {
    if (serviceType == null || !serviceType.needsYears()) {
      yearOptions = List.of();
    } else if (serviceType == ServiceType.RENEW_AND_LOST) {
      // The server decides whether the key is a further one (the applicant's other valid
      // certificates): offer the years of both, the server refuses what does not apply.
      TreeSet<Integer> both = new TreeSet<>(applications.yearOptions(serviceType, false));
      both.addAll(applications.yearOptions(serviceType, true));
      yearOptions = new ArrayList<>(both);
    } else {
      yearOptions = applications.yearOptions(serviceType, Boolean.TRUE.equals(furtherPaidKey));
    }
    if (years != null && !yearOptions.contains(years)) {
      years = null;
    }
  }

  /** 识别KEY: the component put the chosen certificate into {@link #keyCertificate}. */
  public void keyCertificateChosen() {
    keyChoice = null;
    try {
      keyChoice = applications.inspectKeyCertificate(serviceType, keyCertificate);
      keyMemo.remember(keyCertificate);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** 立即申请: saves step 1 and opens 用户信息确认. */
  public String saveCertificateInformation() {
    ServiceType type = serviceType;
    boolean asks = type != null && type.asksKeyQuestions();
    CertificateInformation info =
        new CertificateInformation(
            type,
            type != null && type.needsYears() ? years : null,
            asks ? holdsJiangsuKey : null,
            asks ? furtherPaidKey : null,
            type != null && type.certificateSource() == CertificateSource.FROM_REGISTRY
                ? certificateSerial
                : null,
            isFromKey() ? keyCertificate : null,
            new AgentDetails(agentName, agentMobile, agentIdType, agentIdNumber),
            statementAccepted);
    try {
      applications.saveCertificateInformation(DraftRef.of(application), info, caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return RESUME;
  }

  // ===== 用户信息确认 =====

  /** 下一步 of 用户信息确认. */
  public String confirmUserInformation() {
    try {
      applications.confirmUserInformation(DraftRef.of(application));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return RESUME;
  }

  // ===== 取key方式 =====

  /** The 取key方式 changed: its fields and 说明. */
  public void pickupMethodChanged() {
    handlingPointCode = null;
    choosePointIfSingle();
  }

  private void choosePointIfSingle() {
    List<PickupOption> points = getPickupPoints();
    if (points.size() == 1) {
      handlingPointCode = points.get(0).getHandlingPoint().getCode();
    }
  }

  /** 下一步 of 取key方式. */
  public String savePickup() {
    try {
      applications.savePickup(
          DraftRef.of(application),
          new PickupDetails(
              pickupMethod,
              handlingPointCode,
              recipientName,
              recipientMobile,
              recipientAddress,
              remark,
              collectorName,
              collectorMobile,
              collectorIdNumber),
          caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return RESUME;
  }

  // ===== 资料文件上传 =====

  @Override
  protected String documentsOrderId() {
    return application == null ? null : application.getPublicId();
  }

  /** The 资料文件上传 step shows the price with the documents: read it again with them. */
  @Override
  protected void documentsChanged() {
    try {
      quote = applications.quote(application.getPublicId());
    } catch (BusinessException refusal) {
      quote = null;
      FacesMessages.addError(refusal);
    }
  }

  /** 提交申请: one order however often it is sent (the draft's submission token). */
  public String submit() {
    SubmissionResult result;
    try {
      result =
          applications.submit(
              DraftRef.of(application), application.getSubmissionToken(), caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return "/applicant/apply.xhtml?faces-redirect=true&submitted=" + result.publicId();
  }

  // ===== what the page reads =====

  public Stage getStage() {
    return stage;
  }

  /** Index of the p:steps item. */
  public int getStepIndex() {
    return switch (stage) {
      case DRAFT_FOUND, CERTIFICATE_INFORMATION -> 0;
      case CONFIRMATION -> 1;
      case PICKUP -> 2;
      case DOCUMENTS -> 3;
      case SUBMITTED -> 4;
    };
  }

  /** The draft, or the submitted order on 提交成功; {@code null} before step 1 was saved. */
  public CertificateApplication getApplication() {
    return application;
  }

  public ServiceType[] getServiceTypes() {
    return ServiceType.values();
  }

  public IdType[] getIdTypes() {
    return IdType.values();
  }

  /** The certificate is read from the key (更新, 变更, 变更+更新). */
  public boolean isFromKey() {
    return serviceType != null && serviceType.certificateSource() == CertificateSource.FROM_KEY;
  }

  /** The certificate is chosen among the applicant's (丢失补办, 更新+丢失补办). */
  public boolean isFromRegistry() {
    return serviceType != null
        && serviceType.certificateSource() == CertificateSource.FROM_REGISTRY;
  }

  /** The rule of 经办人证件号码 for the chosen 证件类型. */
  public FieldRule getAgentIdNumberRule() {
    return (agentIdType == null ? IdType.RESIDENT_ID : agentIdType).rule();
  }

  /** 选择证书's label: the subject's name and the expiry (Beijing time). */
  public String certificateLabel(CertificateChoice c) {
    return FacesMessages.label(
        "apply.certificate.item", c.subjectName(), BeijingTimeConverter.format(c.notAfter()));
  }

  public List<Integer> getYearOptions() {
    return yearOptions;
  }

  public List<CertificateChoice> getCertificates() {
    return certificates;
  }

  public CertificateChoice getKeyChoice() {
    return keyChoice;
  }

  /** Step 1 reopened without the key's certificate at hand: ask to read the key again. */
  public boolean isKeyRereadNeeded() {
    return keyChoice == null
        && application != null
        && application.getCertificateSubjectDn() != null
        && isFromKey();
  }

  public ApplicantSummary getApplicant() {
    return applicant;
  }

  public boolean isOrganisation() {
    return applicant != null && applicant.userType() == AccountType.ORGANISATION;
  }

  /** 地址 of 用户信息确认: the 所在行政区 with province and city. */
  public String getApplicantAddress() {
    return applicant == null || applicant.divisionCode() == null
        ? ""
        : AdministrativeDivisions.get().fullName(applicant.divisionCode());
  }

  /** The 取key方式 this draft may choose, in display order. */
  public List<PickupMethod> getPickupMethods() {
    return pickupOptions.stream().map(PickupOption::getMethod).distinct().toList();
  }

  /** The handling points of the chosen method. */
  public List<PickupOption> getPickupPoints() {
    return pickupOptions.stream().filter(o -> o.getMethod() == pickupMethod).toList();
  }

  /** The chosen option (method and handling point), {@code null} before a choice. */
  public PickupOption getPickupOption() {
    return getPickupPoints().stream()
        .filter(o -> o.getHandlingPoint().getCode().equals(handlingPointCode))
        .findFirst()
        .orElse(null);
  }

  public PriceQuote getQuote() {
    return quote;
  }

  // ===== view parameters and inputs =====

  public String getUncheckedInput() {
    return uncheckedInput;
  }

  public void setUncheckedInput(String uncheckedInput) {
    this.uncheckedInput = uncheckedInput;
  }

  public boolean isResume() {
    return resume;
  }

  public void setResume(boolean resume) {
    this.resume = resume;
  }

  public String getSubmittedId() {
    return submittedId;
  }

  public void setSubmittedId(String submittedId) {
    this.submittedId = submittedId;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public void setServiceType(ServiceType serviceType) {
    this.serviceType = serviceType;
  }

  public Integer getYears() {
    return years;
  }

  public void setYears(Integer years) {
    this.years = years;
  }

  public Boolean getHoldsJiangsuKey() {
    return holdsJiangsuKey;
  }

  public void setHoldsJiangsuKey(Boolean holdsJiangsuKey) {
    this.holdsJiangsuKey = holdsJiangsuKey;
  }

  public Boolean getFurtherPaidKey() {
    return furtherPaidKey;
  }

  public void setFurtherPaidKey(Boolean furtherPaidKey) {
    this.furtherPaidKey = furtherPaidKey;
  }

  public String getCertificateSerial() {
    return certificateSerial;
  }

  public void setCertificateSerial(String certificateSerial) {
    this.certificateSerial = certificateSerial;
  }

  public String getKeyCertificate() {
    return keyCertificate;
  }

  public void setKeyCertificate(String keyCertificate) {
    this.keyCertificate = keyCertificate;
  }

  public String getAgentName() {
    return agentName;
  }

  public void setAgentName(String agentName) {
    this.agentName = agentName;
  }

  public String getAgentMobile() {
    return agentMobile;
  }

  public void setAgentMobile(String agentMobile) {
    this.agentMobile = agentMobile;
  }

  public IdType getAgentIdType() {
    return agentIdType;
  }

  public void setAgentIdType(IdType agentIdType) {
    this.agentIdType = agentIdType;
  }

  public String getAgentIdNumber() {
    return agentIdNumber;
  }

  public void setAgentIdNumber(String agentIdNumber) {
    this.agentIdNumber = agentIdNumber;
  }

  public boolean isStatementAccepted() {
    return statementAccepted;
  }

  public void setStatementAccepted(boolean statementAccepted) {
    this.statementAccepted = statementAccepted;
  }

  public PickupMethod getPickupMethod() {
    return pickupMethod;
  }

  public void setPickupMethod(PickupMethod pickupMethod) {
    this.pickupMethod = pickupMethod;
  }

  public String getHandlingPointCode() {
    return handlingPointCode;
  }

  public void setHandlingPointCode(String handlingPointCode) {
    this.handlingPointCode = handlingPointCode;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public void setRecipientName(String recipientName) {
    this.recipientName = recipientName;
  }

  public String getRecipientMobile() {
    return recipientMobile;
  }

  public void setRecipientMobile(String recipientMobile) {
    this.recipientMobile = recipientMobile;
  }

  public String getRecipientAddress() {
    return recipientAddress;
  }

  public void setRecipientAddress(String recipientAddress) {
    this.recipientAddress = recipientAddress;
  }

  public String getRemark() {
    return remark;
  }

  public void setRemark(String remark) {
    this.remark = remark;
  }

  public String getCollectorName() {
    return collectorName;
  }

  public void setCollectorName(String collectorName) {
    this.collectorName = collectorName;
  }

  public String getCollectorMobile() {
    return collectorMobile;
  }

  public void setCollectorMobile(String collectorMobile) {
    this.collectorMobile = collectorMobile;
  }

  public String getCollectorIdNumber() {
    return collectorIdNumber;
  }

  public void setCollectorIdNumber(String collectorIdNumber) {
    this.collectorIdNumber = collectorIdNumber;
  }
}
