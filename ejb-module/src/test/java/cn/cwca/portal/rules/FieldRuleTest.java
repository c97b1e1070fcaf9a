package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FieldRuleTest {

  @ParameterizedTest
  @CsvSource({
    "MOBILE, validation.mobile",
    "RESIDENT_ID, validation.residentId",
    "PASSPORT, validation.passport",
    "CREDIT_CODE, validation.creditCode",
    "PASSWORD, validation.password",
    "BUYER_NAME, validation.buyerName",
    "TAX_ID, validation.taxId",
    "BUYER_ADDRESS, validation.buyerAddress",
    "ADDRESS, validation.address",
    "REMARK, validation.remark",
    "EMAIL, validation.email",
    "PHONE, validation.phone",
    "BANK_NAME, validation.bankName",
    "BANK_ACCOUNT, validation.bankAccount",
    "INVOICE_NUMBER, validation.invoiceNumber",
    "REVERSAL_REASON, validation.reversalReason",
    "WAYBILL, validation.waybill",
    "RESHIP_REASON, validation.reshipReason",
    "NAME, validation.name"
  })
  void namesItsMessageKey(FieldRule rule, String key) {
    assertEquals(key, rule.messageKey());
  }

  @ParameterizedTest
  @EnumSource(FieldRule.class)
  void hasItsMessageInTheBundle(FieldRule rule) throws IOException {
    Properties messages = new Properties();
    try (InputStream in =
        FieldRule.class.getResourceAsStream("/cn/cwca/portal/messages.properties")) {
      assertNotNull(in, "messages.properties on the classpath");
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertTrue(messages.containsKey(rule.messageKey()), rule.messageKey());
  }

  @ParameterizedTest
  @EnumSource(FieldRule.class)
  void refusesNullAndBlankValues(FieldRule rule) {
    assertFalse(rule.accepts(null));
    assertFalse(rule.accepts(""));
    assertFalse(rule.accepts("   "));
  }

  @ParameterizedTest
  @CsvSource({
    "MOBILE, '+86 138-0013-8000'",
    "RESIDENT_ID, 32010219700104000x",
    "PASSPORT, e12345678",
    "CREDIT_CODE, 91350100m000100y43",
    "PASSWORD, Aa1234567"
  })
  void acceptsValidValues(FieldRule rule, String value) {
    assertTrue(rule.accepts(value));
    assertTrue(rule.accepts(rule.normalize(value)));
  }

  @ParameterizedTest
  @CsvSource({
    "MOBILE, 12440",
    "RESIDENT_ID, 123456789123456789",
    "PASSPORT, E12",
    "CREDIT_CODE, 1111111111",
    "PASSWORD, A12345678"
  })
  void refusesInvalidValues(FieldRule rule, String value) {
    assertFalse(rule.accepts(value));
  }

  @ParameterizedTest
  @CsvSource({
    "MOBILE, '+86 138-0013-8000', 13800138000",
    "RESIDENT_ID, ' 32010219700104000x ', 32010219700104000X",
    "PASSPORT, ' e12345678 ', E12345678",
    "CREDIT_CODE, ' 91350100m000100y43', 91350100M000100Y43",
    "PASSWORD, ' Aa1234567 ', ' Aa1234567 '"
  })
  void normalizesToTheStoredForm(FieldRule rule, String value, String stored) {
    assertEquals(stored, rule.normalize(value));
  }

  @ParameterizedTest
  @EnumSource(FieldRule.class)
  void normalizesNullToNull(FieldRule rule) {
    assertNull(rule.normalize(null));
  }

  @Test
  void keepsPasswordUnchanged() {
    assertEquals("aB3 xyz!é", FieldRule.PASSWORD.normalize("aB3 xyz!é"));
  }

  @Test
  void anAddressHasFiveToTwoHundredCharacters() {
    assertFalse(FieldRule.ADDRESS.accepts("聊城市东"));
    assertTrue(FieldRule.ADDRESS.accepts("聊城市东昌"));
    assertTrue(FieldRule.ADDRESS.accepts("路".repeat(200)));
    assertFalse(FieldRule.ADDRESS.accepts("路".repeat(201)));
  }

  @Test
  void aRemarkHasAtMostTwoHundredCharacters() {
    assertTrue(FieldRule.REMARK.accepts("请工作日送达"));
    assertTrue(FieldRule.REMARK.accepts("字".repeat(200)));
    assertFalse(FieldRule.REMARK.accepts("字".repeat(201)));
  }
}
