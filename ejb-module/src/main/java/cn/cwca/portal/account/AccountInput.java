package cn.cwca.portal.account;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.rules.AdministrativeDivisions;
import cn.cwca.portal.rules.FieldRule;

/**
 * The checks of the account forms beyond one field's rule (user manual 1 用户端注册 and 5.1 个人中心): the
 * 所在行政区 and a new password with its confirmation. A single field is checked with {@link
 * FieldInput}. Each method returns the stored form or throws a {@link BusinessException} with the
 * rule's message key.
 */
final class AccountInput {

  private AccountInput() {}

  /** 所在行政区: a division in use. */
  static String division(String code) {
    String division = FieldInput.required(code);
    if (!AdministrativeDivisions.get().isSelectable(division)) {
      throw new BusinessException("validation.division");
    }
    return division;
  }

  /** A new password: satisfies the password rule and equals its confirmation. */
  static char[] newPassword(String password, String confirmation) {
    FieldInput.checked(FieldRule.PASSWORD, password);
    if (!password.equals(confirmation)) {
      throw new BusinessException("validation.passwordConfirm");
    }
    return password.toCharArray();
  }
}
