package cn.cwca.portal.account;

/**
 * What an organisation enters on the registration page (机构名称, 统一社会信用代码, 行政区, 联系电话, 法定代表人, 密码,
 * 确认密码).
 */
public record OrganisationRegistration(
    String organisationName,
    String creditCode,
    String divisionCode,
    String mobile,
    String legalRepresentative,
    String password,
    String passwordConfirmation) {

  /** Never shows the passwords. */
  @Override
  public String toString() {
    return "OrganisationRegistration[creditCode="
        + creditCode
        + ", divisionCode="
        + divisionCode
        + "]";
  }
}
