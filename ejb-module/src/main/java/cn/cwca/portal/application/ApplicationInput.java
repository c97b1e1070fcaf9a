package cn.cwca.portal.application;

import cn.cwca.portal.account.IdType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.rules.FieldRule;

/**
 * Checks and normalises the applicant's typed fields with the portal's field rules ({@link
 * FieldRule}: the same mobile and ID rules as the accounts); each method returns the stored form or
 * throws a {@link BusinessException} with the rule's message key. Submission runs the same checks
 * again on the stored values.
 */
final class ApplicationInput {

  /** Shortest and longest name (经办人, 收货人, 取证人), as the account names. */
  static final int MIN_NAME = FieldInput.MIN_NAME;

  static final int MAX_NAME = FieldInput.MAX_NAME;

  /** Shortest and longest 收货人地址. */
  static final int MIN_ADDRESS = 5;

  static final int MAX_ADDRESS = 200;

  /** Longest 备注. */
  static final int MAX_REMARK = 200;

  private ApplicationInput() {}

  static String required(String value) {
    return FieldInput.required(value);
  }

  static String checked(FieldRule rule, String value) {
    return FieldInput.checked(rule, value);
  }

  static String name(String value) {
    return FieldInput.name(value);
  }

  static String mobile(String value) {
    return checked(FieldRule.MOBILE, value);
  }

  /** An ID number of the given type (居民身份证 by GB 11643, 护照). */
  static String idNumber(IdType type, String value) {
    if (type == null) {
      throw new BusinessException("validation.required");
    }
    return checked(type.rule(), value);
  }

  static String address(String value) {
    String address = required(value);
    int length = address.codePointCount(0, address.length());
    if (length < MIN_ADDRESS || length > MAX_ADDRESS) {
      throw new BusinessException("validation.address");
    }
    return address;
  }

  /** Optional 备注: {@code null} when blank. */
  static String remark(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String remark = value.strip();
    if (remark.codePointCount(0, remark.length()) > MAX_REMARK) {
      throw new BusinessException("validation.remark");
    }
    return remark;
  }

  /** 经办人, checked and normalised. */
  static AgentDetails agent(AgentDetails agent) {
    if (agent == null) {
      throw new BusinessException("validation.required");
    }
    return new AgentDetails(
        name(agent.name()),
        mobile(agent.mobile()),
        agent.idType(),
        idNumber(agent.idType(), agent.idNumber()));
  }
}
