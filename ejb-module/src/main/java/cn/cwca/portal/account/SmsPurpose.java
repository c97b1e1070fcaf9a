package cn.cwca.portal.account;

/**
 * What an SMS code proves. A code proves one thing only: a code sent for a password reset does not
 * register an account, and the other way round.
 */
public enum SmsPurpose {
  /** 忘记密码: the mobile number bound to the account is the caller's. */
  PASSWORD_RESET("重置密码"),
  /** 用户注册: the mobile number of the new account is the registrant's. */
  REGISTRATION("注册账号"),
  /** 更换手机号: the new mobile number is the caller's. */
  MOBILE_CHANGE("更换手机号");

  private final String use;

  SmsPurpose(String use) {
    this.use = use;
  }

  /** The SMS that carries a code for this purpose. */
  public String messageText(String code) {
    return "【CA数字证书】您的验证码为"
        + code
        + "，用于"
        + use
        + "，"
        + SmsCodePolicy.VALIDITY.toMinutes()
        + "分钟内有效，请勿泄露。";
  }
}
