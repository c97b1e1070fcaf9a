package cn.cwca.portal.account;

/**
 * What a natural person enters on the registration page (姓名, 联系电话, 有效证件类型, 证件号码, 所在行政区, 密码, 确认密码).
 */
public record PersonRegistration(
    String name,
    String mobile,
    IdType idType,
    String idNumber,
    String divisionCode,
    String password,
    String passwordConfirmation) {

  /** Never shows the passwords. */
  @Override
  public String toString() {
    return "PersonRegistration[idType=" + idType + ", divisionCode=" + divisionCode + "]";
  }
}
