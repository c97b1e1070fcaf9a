package cn.cwca.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.rules.FieldRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceBuyerTest {

  private static final InvoiceBuyer ORGANISATION =
      new InvoiceBuyer(
          BuyerKind.ORGANISATION,
          " 聊城市示例科技有限公司 ",
          "91350100m000100y43",
          " 山东省聊城市东昌府区示例路1号 ",
          " Finance@Example.CN ",
          "(0635)8888888",
          " 中国工商银行聊城分行 ",
          "6222 0212 3456 7890 123");

  @Test
  void checkedOrganisationIsStoredNormalised() {
    InvoiceBuyer checked = ORGANISATION.checked();

    assertEquals(
        new InvoiceBuyer(
            BuyerKind.ORGANISATION,
            "聊城市示例科技有限公司",
            "91350100M000100Y43",
            "山东省聊城市东昌府区示例路1号",
            "Finance@example.cn",
            "0635-8888888",
            "中国工商银行聊城分行",
            "6222021234567890123"),
        checked);
    assertEquals(checked, checked.checked(), "the stored form passes again unchanged");
  }

  @Test
  void personNeedsOnlyNameTaxIdAndPhone() {
    InvoiceBuyer checked =
        new InvoiceBuyer(
                BuyerKind.PERSON, "张三", "37010219800101666x", "", " ", "13800138000", null, "")
            .checked();

    assertEquals("37010219800101666X", checked.taxId());
    assertNull(checked.address());
    assertNull(checked.email());
    assertNull(checked.bank());
    assertNull(checked.bankAccount());
  }

  @Test
  void anOrganisationsTaxIdIsACreditCodeAPersonsAnyLettersAndDigits() {
    InvoiceBuyer organisation = withTaxId(BuyerKind.ORGANISATION, "E12345678");
    assertEquals("validation.creditCode", refusal(organisation));
    assertEquals(FieldRule.CREDIT_CODE, BuyerKind.ORGANISATION.taxIdRule());

    assertEquals("E12345678", withTaxId(BuyerKind.PERSON, "e12345678").checked().taxId());
    assertEquals(FieldRule.TAX_ID, BuyerKind.PERSON.taxIdRule());
    assertEquals("validation.taxId", refusal(withTaxId(BuyerKind.PERSON, "E1234-5678")));
  }

  @Test
  void aBuyerWithoutKindIsRefused() {
    assertEquals(
        "validation.required",
        refusal(new InvoiceBuyer(null, "张三", "E1", null, null, "13800138000", null, null)));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "name, NULL, validation.required",
        "name, '  ', validation.required",
        "taxId, NULL, validation.required",
        "phone, NULL, validation.required",
        "phone, 8888888, validation.phone",
        "email, finance@, validation.email",
        "bankAccount, 6222-0212, validation.bankAccount"
      })
  void eachRefusedFieldNamesItsRule(String field, String value, String key) {
    assertEquals(key, refusal(with(field, value)));
  }

  @Test
  void longTextsAreRefusedByTheirRule() {
    assertEquals("validation.buyerName", refusal(with("name", "名".repeat(101))));
    assertEquals("validation.buyerAddress", refusal(with("address", "址".repeat(201))));
    assertEquals("validation.bankName", refusal(with("bank", "行".repeat(101))));
  }

  @Test
  void labelsAreInTheMessagesBundle() {
    assertEquals("buyerKind.ORGANISATION", BuyerKind.ORGANISATION.labelKey());
    assertEquals("buyerKind.PERSON", BuyerKind.PERSON.labelKey());
  }

  private static InvoiceBuyer withTaxId(BuyerKind kind, String taxId) {
    return new InvoiceBuyer(kind, "示例", taxId, null, null, "13800138000", null, null);
  }

  private static InvoiceBuyer with(String field, String value) {
    InvoiceBuyer b = ORGANISATION;
    return new InvoiceBuyer(
        b.kind(),
        field.equals("name") ? value : b.name(),
        field.equals("taxId") ? value : b.taxId(),
        field.equals("address") ? value : b.address(),
        field.equals("email") ? value : b.email(),
        field.equals("phone") ? value : b.phone(),
        field.equals("bank") ? value : b.bank(),
        field.equals("bankAccount") ? value : b.bankAccount());
  }

  private static String refusal(InvoiceBuyer buyer) {
    return assertThrows(BusinessException.class, buyer::checked).messageKey();
  }
}
