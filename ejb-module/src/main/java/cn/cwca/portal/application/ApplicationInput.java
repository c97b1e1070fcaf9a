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

  private ApplicationInput() {}

  static String mobile(String value) {
    return FieldInput.checked(FieldRule.MOBILE, value);
  }

  /** An ID number of the given type (居民身份证 by GB 11643, 护照). */
  static String idNumber(IdType type, String value) {
    if (type == null) {
      throw new BusinessException("validation.required");
    }
    return FieldInput.checked(type.rule(), value);
  }

  static String address(String value) {
    return FieldInput.checked(FieldRule.ADDRESS, value);
  }

  /** Optional 备注: {@code null} when blank. */
  static String remark(String value) {
    return value == null || value.isBlank() ? null : FieldInput.checked(FieldRule.REMARK, value);
  }

  /** 经办人, checked and normalised. */
  static AgentDetails agent(AgentDetails agent) {
    if (agent == null) {
      throw new BusinessException("validation.required");
    }
    return new AgentDetails(
        FieldInput.name(agent.name()),
        mobile(agent.mobile()),
        agent.idType(),
        idNumber(agent.idType(), agent.idNumber()));
  }
}
