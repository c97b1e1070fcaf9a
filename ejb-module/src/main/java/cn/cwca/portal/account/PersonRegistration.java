package cn.cwca.portal.account;

/**
 * What a natural person enters on the registration page (姓名, 联系电话, 有效证件类型, 证件号码, 所在行政区, 密码, 确认密码,
 * and the 短信验证码 sent to the mobile number by {@link AccountService#sendRegistrationCode}).
 */
public record PersonRegistration(
    String name,
    String mobile,
    IdType idType,
    String idNumber,
    String divisionCode,
    String password,
    String passwordConfirmation,
    String smsCode) {

  /** Never shows the passwords or the code. */
  @Override
  public String toString() {
    return "PersonRegistration[idType=" + idType + ", divisionCode=" + divisionCode + "]";
  }
}
