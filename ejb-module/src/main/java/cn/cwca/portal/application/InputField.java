package cn.cwca.portal.application;

/**
 * A field of the wizard's forms whose input is kept in the draft as typed ({@link UncheckedInput}),
 * before 立即申请 or 下一步 checks and saves its step: the fields of 证书信息填写 and 取key方式.
 */
public enum InputField {
  SERVICE_TYPE(WizardStep.CERTIFICATE_INFORMATION),
  YEARS(WizardStep.CERTIFICATE_INFORMATION),
  HOLDS_JIANGSU_KEY(WizardStep.CERTIFICATE_INFORMATION),
  FURTHER_PAID_KEY(WizardStep.CERTIFICATE_INFORMATION),
  CERTIFICATE_SERIAL(WizardStep.CERTIFICATE_INFORMATION),
  AGENT_NAME(WizardStep.CERTIFICATE_INFORMATION),
  AGENT_MOBILE(WizardStep.CERTIFICATE_INFORMATION),
  AGENT_ID_TYPE(WizardStep.CERTIFICATE_INFORMATION),
  AGENT_ID_NUMBER(WizardStep.CERTIFICATE_INFORMATION),
  STATEMENT_ACCEPTED(WizardStep.CERTIFICATE_INFORMATION),
  PICKUP_METHOD(WizardStep.PICKUP),
  HANDLING_POINT(WizardStep.PICKUP),
  RECIPIENT_NAME(WizardStep.PICKUP),
  RECIPIENT_MOBILE(WizardStep.PICKUP),
  RECIPIENT_ADDRESS(WizardStep.PICKUP),
  REMARK(WizardStep.PICKUP),
  COLLECTOR_NAME(WizardStep.PICKUP),
  COLLECTOR_MOBILE(WizardStep.PICKUP),
  COLLECTOR_ID_NUMBER(WizardStep.PICKUP);

  private final WizardStep step;

  InputField(WizardStep step) {
    this.step = step;
  }

  /** The step whose form has the field. */
  public WizardStep step() {
    return step;
  }
}
