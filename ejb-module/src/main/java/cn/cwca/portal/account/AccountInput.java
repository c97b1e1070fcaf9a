package cn.cwca.portal.account;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.rules.AdministrativeDivisions;
import cn.cwca.portal.rules.FieldRule;

/**
 * Checks and normalises what an applicant typed into the account forms, with the field rules of
 * {@link FieldRule} (user manual 1 用户端注册 and 5.1 个人中心; docs/workflow.md, "Accounts and logging
 * in"). Each method returns the stored form or throws a {@link BusinessException} with the rule's
 * message key.
 */
final class AccountInput {

  /** Shortest and longest 姓名, 机构名称 and 法定代表人. */
  static final int MIN_NAME = FieldInput.MIN_NAME;

  static final int MAX_NAME = FieldInput.MAX_NAME;

  private AccountInput() {}

  /** A field that must be there; returns it stripped. */
  static String required(String value) {
    return FieldInput.required(value);
  }

  /** A required field that must satisfy the rule; returns its normalised form. */
  static String checked(FieldRule rule, String value) {
    return FieldInput.checked(rule, value);
  }

  /** 姓名, 机构名称 or 法定代表人: 2 to 50 characters after stripping. */
  static String name(String value) {
    return FieldInput.name(value);
  }

  /** 所在行政区: a division in use. */
  static String division(String code) {
    String division = required(code);
    if (!AdministrativeDivisions.get().isSelectable(division)) {
      throw new BusinessException("validation.division");
    }
    return division;
  }

  /** A new password: satisfies the password rule and equals its confirmation. */
  static char[] newPassword(String password, String confirmation) {
    checked(FieldRule.PASSWORD, password);
    if (!password.equals(confirmation)) {
      throw new BusinessException("validation.passwordConfirm");
    }
    return password.toCharArray();
  }
}
