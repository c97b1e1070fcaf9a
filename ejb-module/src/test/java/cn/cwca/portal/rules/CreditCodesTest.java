package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91350100m000100y43", " 91350100M000100Y43 "})
  void acceptsTheStandardsExample(String code) {
    assertTrue(CreditCodes.isValid(code));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91350100M000100Y4Z",
        "91350100M000I00Y43",
        "12440",
        "1111111111",
        "11111111111111111111",
        "91350100M000100Y4",
        "91350100M000100Y433",
        "   "
      })
  @NullAndEmptySource
  void refusesTheManualsAndTheStandardsInvalidCodes(String code) {
    assertFalse(CreditCodes.isValid(code));
  }

  @Test
  void refusesCreditCodeWithWrongCheckCharacter() {
    assertEquals('3', CreditCodes.checkCharacter("91350100M000100Y4"));
    assertFalse(CreditCodes.isValid("91350100M000100Y42"));
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
  void refusesLettersOutsideTheCharset(char letter) {
    String first17 = "91350100M000100Y4".replace('M', letter);
    for (char check : CreditCodes.CHARSET.toCharArray()) {
      assertFalse(CreditCodes.isValid(first17 + check), first17 + check);
    }
  }

  @Test
  void refusesLettersInTheAdministrativeDivisionPositions() {
    String first17 = "913501A0M000100Y4";
    assertFalse(CreditCodes.isValid(first17 + CreditCodes.checkCharacter(first17)));
  }

  @Test
  void usesZeroAsCheckCharacterWhenTheSumIsAMultipleOf31() {
    String first17 = findPrefixWhoseWeightedSumIsAMultipleOf31();
    assertEquals('0', CreditCodes.checkCharacter(first17));
    assertTrue(CreditCodes.isValid(first17 + "0"));
    assertFalse(CreditCodes.isValid(first17 + "Y"));
  }

  /** Varies the tenth character of the standard's example until the 31 → 0 case occurs. */
  private static String findPrefixWhoseWeightedSumIsAMultipleOf31() {
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    String base = "91350100M000100Y4";
    for (char c : CreditCodes.CHARSET.toCharArray()) {
      String candidate = base.substring(0, 9) + c + base.substring(10);
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += CreditCodes.CHARSET.indexOf(candidate.charAt(i)) * weights[i];
      }
      if (sum % 31 == 0) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void findsAPrefixForTheZeroCheckCase() {
    assertNotNull(findPrefixWhoseWeightedSumIsAMultipleOf31());
  }

  @Test
  void refusesToComputeCheckCharacterOfShortOrForeignInput() {
    assertThrows(IllegalArgumentException.class, () -> CreditCodes.checkCharacter("9135"));
    assertThrows(
        IllegalArgumentException.class, () -> CreditCodes.checkCharacter("91350100M000I00Y4"));
  }

  @Test
  void trimsAndUpperCases() {
    assertEquals("91350100M000100Y43", CreditCodes.normalize(" 91350100m000100y43 "));
  }
}
