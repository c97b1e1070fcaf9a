package cn.cwca.portal.invoice;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.rules.FieldRule;
import java.io.Serializable;

/**
 * 开票信息 (立即支付, step 2): the buyer a 数电发票 is made out to, as the applicant typed it or as {@link
 * #checked()} stores it. Each field has its rule in {@link FieldRule} (the page's validators use
 * the same); optional fields are {@code null} when empty.
 *
 * @param kind 企业/单位 or 个人, deciding the rule of the tax id
 * @param name 购买方名称*, at most 100 characters
 * @param taxId 购买方税号*: a credit code for an organisation, else letters and digits (≤ 20)
 * @param address 购买方地址, at most 200 characters
 * @param email 购买方邮箱
 * @param phone 购买方电话*: a mobile number or a landline with area code
 * @param bank 购买方开户行, at most 100 characters
 * @param bankAccount 购买方银行账号, digits (≤ 34)
 */
public record InvoiceBuyer(
    BuyerKind kind,
    String name,
    String taxId,
    String address,
    String email,
    String phone,
    String bank,
    String bankAccount)
    implements Serializable {

  /**
   * The buyer checked by every rule, in its stored form (trimmed, tax id upper-cased, phone and
   * bank account without separators, empty optional fields {@code null}).
   *
   * @throws BusinessException {@code validation.required} (no kind, or a required field empty);
   *     {@code validation.buyerName}, {@code validation.creditCode} or {@code validation.taxId},
   *     {@code validation.buyerAddress}, {@code validation.email}, {@code validation.phone}, {@code
   *     validation.bankName}, {@code validation.bankAccount}
   */
  public InvoiceBuyer checked() {
    if (kind == null) {
      throw new BusinessException("validation.required");
    }
    return new InvoiceBuyer(
        kind,
        FieldInput.checked(FieldRule.BUYER_NAME, name),
        FieldInput.checked(kind.taxIdRule(), taxId),
        FieldInput.optional(FieldRule.BUYER_ADDRESS, address),
        FieldInput.optional(FieldRule.EMAIL, email),
        FieldInput.checked(FieldRule.PHONE, phone),
        FieldInput.optional(FieldRule.BANK_NAME, bank),
        FieldInput.optional(FieldRule.BANK_ACCOUNT, bankAccount));
  }
}
