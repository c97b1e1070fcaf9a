package cn.cwca.portal.common;

import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.rules.Names;

/**
 * The checks every form's typed fields share on the server (accounts, applications): required, a
 * field rule of {@link FieldRule}, a person's or organisation's name. Each returns the stored form
 * or throws a {@link BusinessException} with the message key the page shows too.
 */
public final class FieldInput {

  /** Shortest and longest name (姓名, 机构名称, 法定代表人, 经办人, 收货人, 取证人). */
  public static final int MIN_NAME = Names.MIN_LENGTH;

  public static final int MAX_NAME = Names.MAX_LENGTH;

  private FieldInput() {}

  /** A field that must be there; returns it stripped. */
  public static String required(String value) {
    if (value == null || value.isBlank()) {
      throw new BusinessException("validation.required");
    }
    return value.strip();
  }

  /** A required field that must satisfy the rule; returns its normalised form. */
  public static String checked(FieldRule rule, String value) {
    required(value);
    if (!rule.accepts(value)) {
      throw new BusinessException(rule.messageKey());
    }
    return rule.normalize(value);
  }

  /**
   * An optional field that, when given, must satisfy the rule; returns its normalised form, or
   * {@code null} when it is missing or blank.
   */
  public static String optional(FieldRule rule, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!rule.accepts(value)) {
      throw new BusinessException(rule.messageKey());
    }
    return rule.normalize(value);
  }

  /**
   * A name: 2 to 50 characters (code points) after stripping, of the characters a real name has
   * ({@link FieldRule#NAME}).
   */
  public static String name(String value) {
    return checked(FieldRule.NAME, value);
  }
}
