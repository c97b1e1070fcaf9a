package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"13800138000", "19912345678", "15000000000", "17012345678"})
  void acceptsMainlandMobileNumbers(String value) {
    assertTrue(MobileNumbers.isValid(value));
  }

  @ParameterizedTest
  @CsvSource({
    "'138 0013 8000', 13800138000",
    "138-0013-8000, 13800138000",
    "'+86 138 0013 8000', 13800138000",
    "+8613800138000, 13800138000",
    "008613800138000, 13800138000",
    "8613800138000, 13800138000",
    "'  13800138000  ', 13800138000"
  })
  void stripsSeparatorsAndCountryCode(String value, String expected) {
    assertEquals(expected, MobileNumbers.normalize(value));
    assertTrue(MobileNumbers.isValid(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12440",
        "1111111111",
        "11111111111111111111",
        "12345678901",
        "10012345678",
        "1380013800a",
        "138001380001",
        "02088888888",
        "+85291234567",
        "   "
      })
  @NullAndEmptySource
  void refusesWhatIsNotAMainlandMobileNumber(String value) {
    assertFalse(MobileNumbers.isValid(value));
  }

  @Test
  void keepsCountryCodeWhenTheRestIsNotAMobileNumber() {
    assertEquals("86123", MobileNumbers.normalize("86 123"));
    assertEquals("+8612345", MobileNumbers.normalize("+86 12345"));
  }

  @Test
  void normalizesNullToNull() {
    assertNull(MobileNumbers.normalize(null));
  }
}
