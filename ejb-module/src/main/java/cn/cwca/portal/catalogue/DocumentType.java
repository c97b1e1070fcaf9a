package cn.cwca.portal.catalogue;

/**
 * The six documents of the user manual (4.1.1.4), in display order. Which are asked for, and which
 * of those are required, per user type and service type is configuration (table {@code
 * document_requirement}). Labels: {@code documentType.<NAME>} (the 《title》) and {@code
 * documentType.<NAME>.hint}.
 */
public enum DocumentType {
  /** 《数字证书申请单》. */
  APPLICATION_FORM(true),
  /** 《统一社会信用代码副本或营业执照副本复印件》. */
  BUSINESS_LICENCE(false),
  /** 《CWCA电子认证服务协议（打印红章）》. */
  SERVICE_AGREEMENT(true),
  /** 《公共资源电子签章采集表》. */
  SEAL_FORM(true),
  /** 《经办人身份证复印件》 (both sides). */
  AGENT_ID_COPY(false),
  /** 《经办人授权委托书》. */
  POWER_OF_ATTORNEY(true);

  private final boolean template;

  DocumentType(boolean template) {
    this.template = template;
  }

  /** Whether the page offers a template to download. */
  public boolean hasTemplate() {
    return template;
  }

  /**
   * Whether an administrator may replace the template with an uploaded PDF ({@link
   * DocumentTemplateService}): every template but the 《数字证书申请单》, which is filled in with the
   * order's data.
   */
  public boolean hasReplaceableTemplate() {
    return template && this != APPLICATION_FORM;
  }

  /** Key of the document's title in the messages bundle. */
  public String labelKey() {
    return "documentType." + name();
  }
}
