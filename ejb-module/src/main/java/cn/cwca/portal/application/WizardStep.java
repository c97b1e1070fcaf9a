package cn.cwca.portal.application;

/**
 * The wizard steps that hold input, in order; a draft remembers the one to reopen. 提交成功 is not a
 * step of a draft. Labels {@code wizardStep.<NAME>}.
 */
public enum WizardStep {
  /** 证书信息填写. */
  CERTIFICATE_INFORMATION,
  /** 用户信息确认. */
  CONFIRMATION,
  /** 取key方式. */
  PICKUP,
  /** 资料文件上传. */
  DOCUMENTS
}
