package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PassportNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"E12345678", "EA1234567", "G1234", " e12345678 ", "12345678901234567890"})
  void acceptsFiveToTwentyLettersOrDigits(String value) {
    assertTrue(PassportNumbers.isValid(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1234", "E1234-567", "E 12345678", "123456789012345678901", "护照12345", "   "})
  @NullAndEmptySource
  void refusesShortLongOrPunctuatedPassportNumbers(String value) {
    assertFalse(PassportNumbers.isValid(value));
  }

  @Test
  void trimsAndUpperCases() {
    assertEquals("E12345678", PassportNumbers.normalize("  e12345678\t"));
  }
}
