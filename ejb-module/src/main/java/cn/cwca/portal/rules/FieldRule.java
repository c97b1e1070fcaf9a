package cn.cwca.portal.rules;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The account field rules of the portal's user manual, written once and used by both the Faces
 * validator and the EJB services; each constant names its message key in {@code
 * cn/cwca/portal/messages.properties}.
 */
public enum FieldRule {
  /** Mainland mobile number, see {@link MobileNumbers}. */
  MOBILE("validation.mobile", MobileNumbers::isValid, MobileNumbers::normalize),
  /** Resident ID number of GB 11643-1999, see {@link ResidentIdNumbers}. */
  RESIDENT_ID("validation.residentId", ResidentIdNumbers::isValid, ResidentIdNumbers::normalize),
  /** Passport number, see {@link PassportNumbers}. */
  PASSPORT("validation.passport", PassportNumbers::isValid, PassportNumbers::normalize),
  /** Unified social credit code of GB 32100-2015, see {@link CreditCodes}. */
  CREDIT_CODE("validation.creditCode", CreditCodes::isValid, CreditCodes::normalize),
  /** Account password, see {@link PasswordPolicy}; stored values are never altered. */
  PASSWORD("validation.password", PasswordPolicy::isValid, UnaryOperator.identity());

  private final String messageKey;
  private final Predicate<String> check;
  private final UnaryOperator<String> normalizer;

  FieldRule(String messageKey, Predicate<String> check, UnaryOperator<String> normalizer) {
    this.messageKey = messageKey;
    this.check = check;
    this.normalizer = normalizer;
  }

  /** Key of the message shown when a value is refused. */
  public String messageKey() {
    return messageKey;
  }

  /** Whether the value satisfies the rule; {@code null} and blank values are refused. */
  public boolean accepts(String value) {
    return value != null && !value.isBlank() && check.test(value);
  }

  /**
   * The canonical stored form of the value (mobile number without separators or country code,
   * identifiers trimmed and upper-cased, password unchanged); {@code null} stays {@code null}.
   */
  public String normalize(String value) {
    return value == null ? null : normalizer.apply(value);
  }
}
