package cn.cwca.portal.account;

/**
 * What an organisation enters on the registration page (机构名称, 统一社会信用代码, 行政区, 联系电话, 法定代表人, 密码, 确认密码,
 * and the 短信验证码 sent to the mobile number by {@link AccountService#sendRegistrationCode}).
 */
public record OrganisationRegistration(
    String organisationName,
    String creditCode,
    String divisionCode,
    String mobile,
    String legalRepresentative,
    String password,
    String passwordConfirmation,
    String smsCode) {

  /** Never shows the passwords or the code. */
  @Override
  public String toString() {
    return "OrganisationRegistration[creditCode="
        + creditCode
        + ", divisionCode="
        + divisionCode
        + "]";
  }
}
