package cn.cwca.portal.web.admin;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.keylogin.LoginCertificate;
import cn.cwca.portal.keylogin.RolePolicy;
import cn.cwca.portal.keylogin.StaffKeyService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /admin/key-login.xhtml: KEY登录设置. Administrators choose which staff roles log in with their USB
 * key as well as the password, and bind to each staff member the certificate (a serial of the
 * registry) whose key must prove the login. Every change is audited by the service.
 */
@Named
@ViewScoped
public class KeyLoginSettingsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private StaffKeyService staffKeys;

  @Inject private CurrentCaller caller;

  private List<RolePolicy> policies;
  private List<LoginCertificate> certificates;

  private String bindLoginName;
  private String bindSerial;

  @PostConstruct
  void load() {
    policies = staffKeys.policies();
    certificates = staffKeys.certificates();
  }

  /** 要求KEY登录 / 取消要求 of one role, as the table showed it. */
  public void toggle(RolePolicy policy) {
    try {
      staffKeys.requireKeyLogin(
          policy.getRole(), !policy.isKeyLoginRequired(), policy.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("keyLogin.policySaved");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** 绑定证书. */
  public void bind() {
    try {
      LoginCertificate bound = staffKeys.bind(bindLoginName, bindSerial, caller.clientInfo());
      FacesMessages.addInfoLabel("keyLogin.bound", bound.getLoginName(), bound.getSerialHex());
      bindLoginName = null;
      bindSerial = null;
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** 解除绑定. */
  public void unbind(LoginCertificate certificate) {
    try {
      staffKeys.unbind(certificate.getLoginName(), caller.clientInfo());
      FacesMessages.addInfoLabel("keyLogin.unbound", certificate.getLoginName());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  public List<RolePolicy> getPolicies() {
    return policies;
  }

  public List<LoginCertificate> getCertificates() {
    return certificates;
  }

  public String getBindLoginName() {
    return bindLoginName;
  }

  public void setBindLoginName(String bindLoginName) {
    this.bindLoginName = bindLoginName;
  }

  public String getBindSerial() {
    return bindSerial;
  }

  public void setBindSerial(String bindSerial) {
    this.bindSerial = bindSerial;
  }
}
