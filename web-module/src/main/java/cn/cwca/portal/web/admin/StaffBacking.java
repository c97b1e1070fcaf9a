package cn.cwca.portal.web.admin;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.account.StaffService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * /admin/staff.xhtml: 员工管理. Administrators create staff accounts, disable and enable them, reset
 * their passwords and change their roles. A one-time password (new account, reset) is kept only
 * until the dialog that shows it once is closed, and never logged. Every change names the version
 * of the account the table showed, so a concurrent change is refused instead of overwritten.
 */
@Named
@ViewScoped
public class StaffBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The roles offered, in the order of the page. */
  private static final List<Role> OFFERED =
      List.of(Role.ADMIN, Role.REVIEWER, Role.OPERATOR, Role.FINANCE);

  @Inject private StaffService staffService;

  @Inject private CurrentCaller caller;

  private List<Account> staff;

  private String loginName;
  private String displayName;
  private String mobile;
  private Role[] roles = new Role[0];

  /** The account whose roles the dialog edits, and the version the table showed. */
  private String editedLoginName;

  private long editedVersion;
  private Role[] editedRoles = new Role[0];

  /** The one-time password to show once, with whom it is for; cleared when the dialog closes. */
  private String oneTimePassword;

  private String oneTimePasswordFor;

  @PostConstruct
  void load() {
    staff = staffService.staff();
  }

  /** 新增员工: opens the dialog empty. */
  public void startNew() {
    loginName = null;
    displayName = null;
    mobile = null;
    roles = new Role[0];
  }

  /** 保存 of the new-staff dialog: creates the account and shows its one-time password. */
  public void create() {
    try {
      StaffService.Created created =
          staffService.create(loginName, displayName, mobile, List.of(roles), caller.clientInfo());
      showOnce(created.account().getLoginName(), created.oneTimePassword());
      FacesMessages.addInfoLabel("staff.created", created.account().getLoginName());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    load();
  }

  /** 修改角色: opens the dialog with the account's roles as the table showed them. */
  public void startEditRoles(Account account) {
    editedLoginName = account.getLoginName();
    editedVersion = account.getVersion();
    editedRoles = rolesOf(account).toArray(Role[]::new);
  }

  /** 保存 of the roles dialog. */
  public void saveRoles() {
    try {
      staffService.changeRoles(
          editedLoginName, editedVersion, List.of(editedRoles), caller.clientInfo());
      FacesMessages.addInfoLabel("staff.rolesChanged", editedLoginName);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** 停用 (after the confirmation dialog). */
  public void disable(Account account) {
    try {
      staffService.disable(account.getLoginName(), account.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("staff.disabled", account.getLoginName());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** 启用 (after the confirmation dialog). */
  public void enable(Account account) {
    try {
      staffService.enable(account.getLoginName(), account.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("staff.enabled", account.getLoginName());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** 重置密码 (after the confirmation dialog): shows the new one-time password once. */
  public void resetPassword(Account account) {
    try {
      String password =
          staffService.resetPassword(
              account.getLoginName(), account.getVersion(), caller.clientInfo());
      showOnce(account.getLoginName(), password);
      FacesMessages.addInfoLabel("staff.passwordReset", account.getLoginName());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** The one-time password dialog was closed: the password is forgotten. */
  public void forgetOneTimePassword() {
    oneTimePassword = null;
    oneTimePasswordFor = null;
  }

  private void showOnce(String forLoginName, String password) {
    oneTimePasswordFor = forLoginName;
    oneTimePassword = password;
    PrimeFaces.current()
        .executeScript("PF('staffDialog').hide(); PF('oneTimePasswordDialog').show();");
  }

  /** Whether the account is the caller's own (it cannot be disabled from here). */
  public boolean isSelf(Account account) {
    return account.getLoginName().equals(caller.loginName());
  }

  /** The account's roles, in the page's order. */
  public List<Role> rolesOf(Account account) {
    return OFFERED.stream().filter(account::hasRole).toList();
  }

  public List<Role> getOfferedRoles() {
    return OFFERED;
  }

  public List<Account> getStaff() {
    return staff;
  }

  public boolean isOneTimePasswordShown() {
    return oneTimePassword != null;
  }

  public String getOneTimePassword() {
    return oneTimePassword;
  }

  public String getOneTimePasswordFor() {
    return oneTimePasswordFor;
  }

  public String getLoginName() {
    return loginName;
  }

  public void setLoginName(String loginName) {
    this.loginName = loginName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  public Role[] getRoles() {
    return roles.clone();
  }

  public void setRoles(Role[] roles) {
    this.roles = roles == null ? new Role[0] : roles.clone();
  }

  public String getEditedLoginName() {
    return editedLoginName;
  }

  public Role[] getEditedRoles() {
    return editedRoles.clone();
  }

  public void setEditedRoles(Role[] editedRoles) {
    this.editedRoles = editedRoles == null ? new Role[0] : editedRoles.clone();
  }
}
