package cn.cwca.portal.web.applicant;

import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.CertificateChoice;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.InputField;
import cn.cwca.portal.application.UncheckedInput;
import cn.cwca.portal.catalogue.CertificateSource;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.web.BeijingTimeConverter;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.PublicOrigin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.primefaces.PrimeFaces;

/**
 * Step 1 of the wizard ({@link ApplyWizard}), 证书信息填写: 服务类型 with the fields it asks for (years, the
 * key questions, the certificate chosen among the applicant's or read from the key with 识别KEY), the
 * 经办人 and the statement; 立即申请 saves them in the draft. When a certificate is read from the key, the
 * page has the key sign a nonce of the server's (the proof that it holds the certificate's private
 * key, as 制证 asks it) and 立即申请 sends the signature with the step; the nonce stays here.
 */
@Named
@ViewScoped
public class ApplyCertificateStep implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ApplicationService applications;

  @Inject private CurrentCaller caller;

  @Inject private KeyCertificateMemo keyMemo;

  @Inject private ApplyWizard wizard;

  @Inject private HttpServletRequest request;

  private ServiceType serviceType;
  private Integer years;
  private List<Integer> yearOptions = List.of();
  private Boolean holdsJiangsuKey;
  private Boolean furtherPaidKey;
  private List<CertificateChoice> certificates = List.of();
  private String certificateSerial;
  private String keyCertificate;
  private CertificateChoice keyChoice;
  private String keyProofNonce;
  private String keyProofAlgorithm;
  private String keyProofSignature;
  private String agentName;
  private String agentMobile;
  private IdType agentIdType = IdType.RESIDENT_ID;
  private String agentIdNumber;
  private boolean statementAccepted;

  /** Opens the step on the draft: what it holds, and in its place what was typed and not saved. */
  void show(CertificateApplication draft) {
    serviceType = draft.getServiceType();
    years = draft.getYears();
    holdsJiangsuKey = draft.getHoldsUnexpiredJiangsuKey();
    furtherPaidKey =
        serviceType != null && serviceType.asksKeyQuestions() ? draft.isFurtherPaidKey() : null;
    certificateSerial = draft.getCertificateSerialHex();
    agentName = draft.getAgentName();
    agentMobile = draft.getAgentMobile();
    agentIdType = draft.getAgentIdType() == null ? IdType.RESIDENT_ID : draft.getAgentIdType();
    agentIdNumber = draft.getAgentIdNumber();
    statementAccepted = draft.isStatementAccepted();
    restore(draft.getUncheckedInput());
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

  /** What was typed on 证书信息填写 and not saved yet, in place of the saved values. */
  void restore(UncheckedInput typed) {
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
    certificateSerial = TypedText.of(typed, InputField.CERTIFICATE_SERIAL, certificateSerial);
    agentName = TypedText.of(typed, InputField.AGENT_NAME, agentName);
    agentMobile = TypedText.of(typed, InputField.AGENT_MOBILE, agentMobile);
    IdType idType = typed.choice(InputField.AGENT_ID_TYPE, IdType.class);
    if (idType != null) {
      agentIdType = idType;
    }
    agentIdNumber = TypedText.of(typed, InputField.AGENT_ID_NUMBER, agentIdNumber);
    if (typed.has(InputField.STATEMENT_ACCEPTED)) {
      statementAccepted = Boolean.TRUE.equals(typed.yesOrNo(InputField.STATEMENT_ACCEPTED));
    }
  }

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

  /**
   * 识别KEY: the component put the chosen certificate into {@link #keyCertificate}. Once it is
   * checked, the page gets a new nonce to have the key sign (callback parameters {@code
   * proofSerial}, the certificate's serial, and {@code proofNonce}).
   */
  public void keyCertificateChosen() {
    keyChoice = null;
    forgetKeyProof();
    try {
      keyChoice = applications.inspectKeyCertificate(serviceType, keyCertificate);
      keyMemo.remember(keyCertificate);
      keyProofNonce = applications.keyChallenge();
      PrimeFaces.current().ajax().addCallbackParam("proofSerial", keyChoice.serialHex());
      PrimeFaces.current().ajax().addCallbackParam("proofNonce", keyProofNonce);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  private void forgetKeyProof() {
    keyProofNonce = null;
    keyProofAlgorithm = null;
    keyProofSignature = null;
  }

  /** The key's signature of the nonce given when the certificate was read; {@code null} without. */
  private KeyProof keyProof() {
    if (!isFromKey()
        || keyProofNonce == null
        || keyProofAlgorithm == null
        || keyProofAlgorithm.isBlank()
        || keyProofSignature == null
        || keyProofSignature.isBlank()) {
      return null;
    }
    return new KeyProof(keyProofNonce, keyProofAlgorithm.strip(), keyProofSignature.strip());
  }

  /** 立即申请: saves step 1 and opens 用户信息确认. */
  public String save() {
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
    KeyProof proof = keyProof();
    String origin = PublicOrigin.of(request);
    return wizard.reopenAfter(
        () ->
            applications.saveCertificateInformation(
                wizard.draftRef(), info, proof, origin, caller.clientInfo()));
  }

  // ===== what the page reads =====

  public ServiceType[] getServiceTypes() {
    return ServiceType.values();
  }

  public IdType[] getIdTypes() {
    return IdType.values();
  }

  /** The 服务类型 asks for the years of the certificate (none without a type). */
  public boolean isYearsNeeded() {
    return serviceType != null && serviceType.needsYears();
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
    CertificateApplication draft = wizard.getApplication();
    return keyChoice == null
        && draft != null
        && draft.getCertificateSubjectDn() != null
        && isFromKey();
  }

  // ===== inputs =====

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

  /** The proof's algorithm, as the key agent gave it (a hidden input the page fills in). */
  public String getKeyProofAlgorithm() {
    return keyProofAlgorithm;
  }

  public void setKeyProofAlgorithm(String keyProofAlgorithm) {
    this.keyProofAlgorithm = keyProofAlgorithm;
  }

  /** The proof's signature, base64, as the key agent gave it (a hidden input the page fills in). */
  public String getKeyProofSignature() {
    return keyProofSignature;
  }

  public void setKeyProofSignature(String keyProofSignature) {
    this.keyProofSignature = keyProofSignature;
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
}
