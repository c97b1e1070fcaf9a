package cn.cwca.portal.rules;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The field rules of the portal's user manual (accounts, applications, the invoice's 开票信息, the
 * finance desk and delivery), written once and used by both the Faces validator and the EJB
 * services; each constant names its message key in {@code cn/cwca/portal/messages.properties}.
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
  /**
   * A name of a person or organisation (姓名, 机构名称, 法定代表人, 经办人, 收货人, 取证人), see {@link Names}: it may
   * become a certificate's subject.
   */
  NAME("validation.name", Names::isValid, Names::normalize),
  /** Account password, see {@link PasswordPolicy}; stored values are never altered. */
  PASSWORD("validation.password", PasswordPolicy::isValid, UnaryOperator.identity()),
  /** 购买方名称: at most 100 characters. */
  BUYER_NAME("validation.buyerName", atMost(100), String::strip),
  /**
   * 购买方税号 of a buyer without a credit code (a person): letters and digits, see {@link TaxIds}; an
   * organisation's is a {@link #CREDIT_CODE}.
   */
  TAX_ID("validation.taxId", TaxIds::isValid, TaxIds::normalize),
  /** 购买方地址: at most 200 characters. */
  BUYER_ADDRESS("validation.buyerAddress", atMost(200), String::strip),
  /** 购买方邮箱, see {@link EmailAddresses}. */
  EMAIL("validation.email", EmailAddresses::isValid, EmailAddresses::normalize),
  /** 购买方电话: a mobile or a landline with area code, see {@link PhoneNumbers}. */
  PHONE("validation.phone", PhoneNumbers::isValid, PhoneNumbers::normalize),
  /** 购买方开户行: at most 100 characters. */
  BANK_NAME("validation.bankName", atMost(100), String::strip),
  /** 购买方银行账号, see {@link BankAccounts}. */
  BANK_ACCOUNT("validation.bankAccount", BankAccounts::isValid, BankAccounts::normalize),
  /** 发票号码 of a 数电发票, see {@link InvoiceNumbers}. */
  INVOICE_NUMBER("validation.invoiceNumber", InvoiceNumbers::isValid, InvoiceNumbers::normalize),
  /** 红冲原因: at most 500 characters. */
  REVERSAL_REASON("validation.reversalReason", atMost(500), String::strip),
  /** 顺丰速运 运单号, see {@link Waybills}. */
  WAYBILL("validation.waybill", Waybills::isValid, Waybills::normalize),
  /** 重新发货原因 (a lost parcel): at most 200 characters. */
  RESHIP_REASON("validation.reshipReason", atMost(200), String::strip),
  /** 收货人地址: 5 to 200 characters. */
  ADDRESS("validation.address", between(5, 200), String::strip),
  /** 备注 (optional where it is asked): at most 200 characters. */
  REMARK("validation.remark", atMost(200), String::strip);

  private final String messageKey;
  private final Predicate<String> check;
  private final UnaryOperator<String> normalizer;

  FieldRule(String messageKey, Predicate<String> check, UnaryOperator<String> normalizer) {
    this.messageKey = messageKey;
    this.check = check;
    this.normalizer = normalizer;
  }

  /** A free text of at most {@code max} characters (code points) after stripping. */
  private static Predicate<String> atMost(int max) {
    return value -> {
      String text = value.strip();
      return text.codePointCount(0, text.length()) <= max;
    };
  }

  /** A free text of {@code min} to {@code max} characters (code points) after stripping. */
  private static Predicate<String> between(int min, int max) {
    return value -> {
      String text = value.strip();
      int length = text.codePointCount(0, text.length());
      return length >= min && length <= max;
    };
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
   * identifiers trimmed and upper-cased, free texts trimmed, password unchanged); {@code null}
   * stays {@code null}.
   */
  public String normalize(String value) {
    return value == null ? null : normalizer.apply(value);
  }
}
