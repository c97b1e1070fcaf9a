package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of 开票信息 and of the finance desk, as the pages and the services apply them. */
class InvoiceFieldRulesTest {

  // --- 购买方名称, 地址, 开户行, 红冲原因: free texts of a maximum length ----------------------------------

  @Test
  void buyerNameIsAtMostOneHundredCharacters() {
    assertTrue(FieldRule.BUYER_NAME.accepts("聊城市示例科技有限公司"));
    assertTrue(FieldRule.BUYER_NAME.accepts("名".repeat(100)));
    assertTrue(FieldRule.BUYER_NAME.accepts(" " + "名".repeat(100) + " "), "stripped first");
    assertFalse(FieldRule.BUYER_NAME.accepts("名".repeat(101)));
    assertEquals("示例公司", FieldRule.BUYER_NAME.normalize("  示例公司 "));
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    String supplementary = "𠀀"; // a CJK Extension B character: two UTF-16 units
    assertTrue(FieldRule.BUYER_NAME.accepts(supplementary.repeat(100)));
    assertFalse(FieldRule.BUYER_NAME.accepts(supplementary.repeat(101)));
  }

  @Test
  void addressIsAtMostTwoHundredCharacters() {
    assertTrue(FieldRule.BUYER_ADDRESS.accepts("山东省聊城市东昌府区示例路1号"));
    assertTrue(FieldRule.BUYER_ADDRESS.accepts("址".repeat(200)));
    assertFalse(FieldRule.BUYER_ADDRESS.accepts("址".repeat(201)));
  }

  @Test
  void bankIsAtMostOneHundredCharacters() {
    assertTrue(FieldRule.BANK_NAME.accepts("中国工商银行聊城分行"));
    assertTrue(FieldRule.BANK_NAME.accepts("行".repeat(100)));
    assertFalse(FieldRule.BANK_NAME.accepts("行".repeat(101)));
  }

  @Test
  void reversalReasonIsAtMostFiveHundredCharacters() {
    assertTrue(FieldRule.REVERSAL_REASON.accepts("购买方名称有误"));
    assertTrue(FieldRule.REVERSAL_REASON.accepts("因".repeat(500)));
    assertFalse(FieldRule.REVERSAL_REASON.accepts("因".repeat(501)));
  }

  // --- 购买方税号 --------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "370102198001016663, 370102198001016663",
    "37010219800101666x, 37010219800101666X",
    "' e12345678 ', E12345678",
    "91350100m000100y43, 91350100M000100Y43",
    "12345678901234567890, 12345678901234567890",
    "A, A"
  })
  void taxIdOfAPersonIsLettersAndDigitsUpperCased(String typed, String stored) {
    assertTrue(FieldRule.TAX_ID.accepts(typed), typed);
    assertEquals(stored, FieldRule.TAX_ID.normalize(typed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"123456789012345678901", "3701-0219", "3701 0219", "税号123", "ABC_123", "   "})
  void taxIdRefusesOtherCharactersAndMoreThanTwentyOfThem(String typed) {
    assertFalse(FieldRule.TAX_ID.accepts(typed), typed);
  }

  @Test
  void taxIdOfAnOrganisationIsACreditCode() {
    assertTrue(FieldRule.CREDIT_CODE.accepts("91350100M000100Y43"));
    assertFalse(FieldRule.CREDIT_CODE.accepts("91350100M000100Y4Z"), "wrong check character");
    assertTrue(FieldRule.TAX_ID.accepts("91350100M000100Y4Z"), "but it is letters and digits");
  }

  // --- 购买方邮箱 --------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "finance@example.cn, finance@example.cn",
    "' Zhang.San+invoice@Mail.Example.COM ', Zhang.San+invoice@mail.example.com",
    "a_b-c%d@sub-domain.example.com.cn, a_b-c%d@sub-domain.example.com.cn",
    "12345@qq.com, 12345@qq.com"
  })
  void emailIsAWellFormedAddressWithItsDomainInLowerCase(String typed, String stored) {
    assertTrue(FieldRule.EMAIL.accepts(typed), typed);
    assertEquals(stored, FieldRule.EMAIL.normalize(typed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "finance",
        "finance@",
        "@example.cn",
        "finance@example",
        "finance@@example.cn",
        "fin ance@example.cn",
        ".finance@example.cn",
        "finance.@example.cn",
        "fin..ance@example.cn",
        "finance@-example.cn",
        "finance@example..cn",
        "finance@example.c",
        "财务@example.cn",
        "finance@example.cn.",
        "   "
      })
  void emailRefusesMalformedAddresses(String typed) {
    assertFalse(FieldRule.EMAIL.accepts(typed), typed);
  }

  @Test
  void emailIsAtMostOneHundredCharacters() {
    String domain = "@example.cn"; // 11 characters
    assertTrue(FieldRule.EMAIL.accepts("a".repeat(89) + domain));
    assertFalse(FieldRule.EMAIL.accepts("a".repeat(90) + domain));
  }

  // --- 购买方电话 (the cases are in PhoneNumbersTest) ----------------------------------------------

  @Test
  void phoneIsAMobileOrALandlineWithAreaCode() {
    assertTrue(FieldRule.PHONE.accepts("13800138000"));
    assertTrue(FieldRule.PHONE.accepts("0635-8888888"));
    assertFalse(FieldRule.PHONE.accepts("8888888"));
    assertEquals("0635-8888888", FieldRule.PHONE.normalize("(0635)8888888"));
  }

  // --- 购买方银行账号 ------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "6222021234567890123, 6222021234567890123",
    "'6222 0212 3456 7890 123', 6222021234567890123",
    "' 1234　5678 ', 12345678",
    "1234567890123456789012345678901234, 1234567890123456789012345678901234"
  })
  void bankAccountIsDigitsWithoutTheSpaces(String typed, String stored) {
    assertTrue(FieldRule.BANK_ACCOUNT.accepts(typed), typed);
    assertEquals(stored, FieldRule.BANK_ACCOUNT.normalize(typed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345678901234567890123456789012345", // 35 digits
        "6222-0212-3456",
        "CN6222021234567890",
        "６２２２", // full-width digits
        "   "
      })
  void bankAccountRefusesAnythingButDigitsAndMoreThanThirtyFour(String typed) {
    assertFalse(FieldRule.BANK_ACCOUNT.accepts(typed), typed);
  }

  // --- 发票号码 ---------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "25372000000012345678, 25372000000012345678",
    "'2537 2000 0000 1234 5678', 25372000000012345678",
    "' 25372000000012345678 ', 25372000000012345678"
  })
  void invoiceNumberIsExactlyTwentyDigits(String typed, String stored) {
    assertTrue(FieldRule.INVOICE_NUMBER.accepts(typed), typed);
    assertEquals(stored, FieldRule.INVOICE_NUMBER.normalize(typed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2537200000001234567", // 19
        "253720000000123456789", // 21
        "2537200000001234567X",
        "2537-2000-0000-1234-5678",
        "12345678", // the 8 digits of an old paper invoice
        "   "
      })
  void invoiceNumberRefusesAnythingElse(String typed) {
    assertFalse(FieldRule.INVOICE_NUMBER.accepts(typed), typed);
  }
}
