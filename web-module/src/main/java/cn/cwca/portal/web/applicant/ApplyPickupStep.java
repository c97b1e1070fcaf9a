package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.InputField;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.application.UncheckedInput;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.web.CurrentCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Step 3 of the wizard ({@link ApplyWizard}), 取key方式: the methods and handling points the draft may
 * choose, with the recipient (邮寄) or the collector (自取); 下一步 saves them in the draft.
 */
@Named
@ViewScoped
public class ApplyPickupStep implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ApplicationService applications;

  @Inject private CurrentCaller caller;

  @Inject private ApplyWizard wizard;

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

  /** Opens the step on the draft: what it holds, and in its place what was typed and not saved. */
  void show(CertificateApplication draft) {
    pickupOptions = applications.pickupOptions(draft.getPublicId());
    pickupMethod = draft.getPickupMethod();
    handlingPointCode = draft.getHandlingPointCode();
    recipientName = draft.getRecipientName();
    recipientMobile = draft.getRecipientMobile();
    recipientAddress = draft.getRecipientAddress();
    remark = draft.getRemark();
    collectorName = draft.getCollectorName();
    collectorMobile = draft.getCollectorMobile();
    collectorIdNumber = draft.getCollectorIdNumber();
    restore(draft.getUncheckedInput());
    List<PickupMethod> methods = getPickupMethods();
    if (pickupMethod == null && methods.size() == 1) {
      pickupMethod = methods.get(0);
    }
    choosePointIfSingle();
  }

  /** What was typed on 取key方式 and not saved yet, in place of the saved values. */
  void restore(UncheckedInput typed) {
    PickupMethod method = typed.choice(InputField.PICKUP_METHOD, PickupMethod.class);
    if (method != null && getPickupMethods().contains(method)) {
      pickupMethod = method;
    }
    handlingPointCode = TypedText.of(typed, InputField.HANDLING_POINT, handlingPointCode);
    recipientName = TypedText.of(typed, InputField.RECIPIENT_NAME, recipientName);
    recipientMobile = TypedText.of(typed, InputField.RECIPIENT_MOBILE, recipientMobile);
    recipientAddress = TypedText.of(typed, InputField.RECIPIENT_ADDRESS, recipientAddress);
    remark = TypedText.of(typed, InputField.REMARK, remark);
    collectorName = TypedText.of(typed, InputField.COLLECTOR_NAME, collectorName);
    collectorMobile = TypedText.of(typed, InputField.COLLECTOR_MOBILE, collectorMobile);
    collectorIdNumber = TypedText.of(typed, InputField.COLLECTOR_ID_NUMBER, collectorIdNumber);
  }

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
  public String save() {
    PickupDetails details =
        new PickupDetails(
            pickupMethod,
            handlingPointCode,
            recipientName,
            recipientMobile,
            recipientAddress,
            remark,
            collectorName,
            collectorMobile,
            collectorIdNumber);
    return wizard.reopenAfter(
        () -> applications.savePickup(wizard.draftRef(), details, caller.clientInfo()));
  }

  // ===== what the page reads =====

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

  // ===== inputs =====

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
