package cn.cwca.portal.web;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.account.OrganisationRegistration;
import cn.cwca.portal.account.PersonRegistration;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.rules.FieldRule;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /register.xhtml: 用户注册 of a natural person (自然人) or an organisation (机构/企业). The mobile number is
 * proven with a code sent to it (获取验证码). The form state lives only as long as the page; the account
 * exists once {@link AccountService} has registered it.
 */
@Named
@ViewScoped
public class RegisterBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Registration types offered by the 注册类型 radio, in the order of the manual. */
  private static final List<AccountType> TYPES =
      List.of(AccountType.NATURAL_PERSON, AccountType.ORGANISATION);

  @Inject private AccountService accountService;

  @Inject private CurrentCaller caller;

  private AccountType type = AccountType.NATURAL_PERSON;
  private String name;
  private IdType idType = IdType.RESIDENT_ID;
  private String idNumber;
  private String organisationName;
  private String creditCode;
  private String legalRepresentative;
  private String mobile;
  private String smsCode;
  private DivisionPicker division = new DivisionPicker();
  private String password;
  private String confirmation;

  /** 获取验证码: a code to the mobile number typed. */
  public void sendCode() {
    try {
      accountService.sendRegistrationCode(mobile, caller.clientInfo());
      FacesMessages.addInfoLabel("register.codeSent");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** 立即注册: registers the account and sends the caller to the login page. */
  public String register() {
    try {
      if (isPerson()) {
        accountService.registerPerson(
            new PersonRegistration(
                name,
                mobile,
                idType,
                idNumber,
                division.selectedCode(),
                password,
                confirmation,
                smsCode),
            caller.clientInfo());
      } else {
        accountService.registerOrganisation(
            new OrganisationRegistration(
                organisationName,
                creditCode,
                division.selectedCode(),
                mobile,
                legalRepresentative,
                password,
                confirmation,
                smsCode),
            caller.clientInfo());
      }
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    FacesMessages.addFlashInfoLabel("register.success");
    return "/login.xhtml?faces-redirect=true";
  }

  /** 重置: empties every field; the chosen registration type stays. */
  public void reset() {
    name = null;
    idType = IdType.RESIDENT_ID;
    idNumber = null;
    organisationName = null;
    creditCode = null;
    legalRepresentative = null;
    mobile = null;
    smsCode = null;
    division = new DivisionPicker();
    password = null;
    confirmation = null;
  }

  public String getSmsCode() {
    return smsCode;
  }

  public void setSmsCode(String smsCode) {
    this.smsCode = smsCode;
  }

  public List<AccountType> getTypes() {
    return TYPES;
  }

  public IdType[] getIdTypes() {
    return IdType.values();
  }

  /** Whether a natural person registers (else an organisation). */
  public boolean isPerson() {
    return type != AccountType.ORGANISATION;
  }

  /** The rule of 证件号码 for the chosen 有效证件类型. */
  public FieldRule getIdNumberRule() {
    return (idType == null ? IdType.RESIDENT_ID : idType).rule();
  }

  public AccountType getType() {
    return type;
  }

  public void setType(AccountType type) {
    this.type = type;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public IdType getIdType() {
    return idType;
  }

  public void setIdType(IdType idType) {
    this.idType = idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public void setIdNumber(String idNumber) {
    this.idNumber = idNumber;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public void setOrganisationName(String organisationName) {
    this.organisationName = organisationName;
  }

  public String getCreditCode() {
    return creditCode;
  }

  public void setCreditCode(String creditCode) {
    this.creditCode = creditCode;
  }

  public String getLegalRepresentative() {
    return legalRepresentative;
  }

  public void setLegalRepresentative(String legalRepresentative) {
    this.legalRepresentative = legalRepresentative;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  /** The 所在行政区 / 行政区 cascade. */
  public DivisionPicker getDivision() {
    return division;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
