package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.FieldInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 顺丰速运 运单号 as the operators type them, and 重新发货原因. */
class WaybillsTest {

  @ParameterizedTest
  @CsvSource({
    "SF1234567890123, SF1234567890123",
    "123456789012, 123456789012",
    "sf1234567890123, SF1234567890123",
    "Sf1234567890123, SF1234567890123",
    "'  SF1234567890123  ', SF1234567890123",
    "' 123456789012', 123456789012"
  })
  void sfAndThirteenDigitsOrTwelveDigitsAreStoredTrimmedAndUpperCased(String typed, String stored) {
    assertTrue(FieldRule.WAYBILL.accepts(typed), typed);
    assertEquals(stored, FieldRule.WAYBILL.normalize(typed));
    assertEquals(stored, FieldInput.checked(FieldRule.WAYBILL, typed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SF123456789012", // SF and 12 digits
        "SF12345678901234", // SF and 14 digits
        "12345678901", // 11 digits
        "1234567890123", // 13 digits without SF
        "SX1234567890123", // another prefix
        "SF 1234567890123", // a space inside
        "SF-1234567890123",
        "JD0001234567890", // another courier
        "SF123456789012a",
        "１２３４５６７８９０１２", // full-width digits
        "SF"
      })
  void otherNumbersAreRefusedWithTheWaybillMessage(String typed) {
    assertFalse(FieldRule.WAYBILL.accepts(typed), typed);
    BusinessException e =
        assertThrows(BusinessException.class, () -> FieldInput.checked(FieldRule.WAYBILL, typed));
    assertEquals("validation.waybill", e.messageKey());
  }

  @Test
  void aMissingWaybillIsRequired() {
    BusinessException e =
        assertThrows(BusinessException.class, () -> FieldInput.checked(FieldRule.WAYBILL, " "));
    assertEquals("validation.required", e.messageKey());
    assertNull(Waybills.normalize(null));
    assertFalse(Waybills.isValid(null));
  }

  @Test
  void theReshipReasonIsAtMostTwoHundredCharacters() {
    assertTrue(FieldRule.RESHIP_REASON.accepts("快递丢失"));
    assertTrue(FieldRule.RESHIP_REASON.accepts("因".repeat(200)));
    assertFalse(FieldRule.RESHIP_REASON.accepts("因".repeat(201)));
    assertEquals("快递丢失", FieldRule.RESHIP_REASON.normalize("  快递丢失 "));
  }
}
