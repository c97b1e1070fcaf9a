package cn.cwca.portal.web.applicant;

import cn.cwca.portal.catalogue.Catalogue;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PortalTextKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The texts applicants read as the administrators set them (目录维护 > 提示文字): 用户责任声明, the 取key方式
 * explanations and notes, 客服电话. Read once per request and text.
 */
@Named
@RequestScoped
public class ApplicantTexts {

  @Inject private Catalogue catalogue;

  /** 用户责任声明. */
  public String getStatement() {
    return catalogue.text(PortalTextKey.STATEMENT);
  }

  /** The 说明 of a 取key方式; empty without one. */
  public String explanation(PickupMethod method) {
    return method == null ? "" : catalogue.text(PortalTextKey.explanationOf(method));
  }

  /** The 注意 of a 取key方式; empty without one. */
  public String note(PickupMethod method) {
    return method == null ? "" : catalogue.text(PortalTextKey.noteOf(method));
  }

  /** 客服电话. */
  public String getCustomerServicePhone() {
    return catalogue.text(PortalTextKey.CUSTOMER_SERVICE_PHONE);
  }
}
