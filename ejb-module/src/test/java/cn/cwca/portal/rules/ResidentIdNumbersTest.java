package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumbersTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

  /** Completes 17 digits with their check character. */
  private static String withCheck(String first17) {
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110101190001010006",
        "32010219700104000X",
        "32010219700104000x",
        " 110101190001010006 "
      })
  void acceptsTheManualsValidNumbers(String id) {
    assertTrue(ResidentIdNumbers.isValid(id, TODAY));
    assertTrue(ResidentIdNumbers.isValid(id));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110101190001010000",
        "110101190002300005",
        "123",
        "11111111111111111111",
        "123456789123456789",
        "111111111111111111",
        "   "
      })
  @NullAndEmptySource
  void refusesTheManualsInvalidNumbers(String id) {
    assertFalse(ResidentIdNumbers.isValid(id, TODAY));
  }

  @Test
  void refusesIdNumberWithWrongCheckCharacter() {
    assertEquals('6', ResidentIdNumbers.checkCharacter("11010119000101000"));
    assertFalse(ResidentIdNumbers.isValid("110101190001010000", TODAY));
    assertFalse(ResidentIdNumbers.isValid("110101190001010007", TODAY));
    assertFalse(ResidentIdNumbers.isValid("11010119000101000X", TODAY));
  }

  @Test
  void computesXAsCheckCharacterWhenRemainderIsTwo() {
    assertEquals('X', ResidentIdNumbers.checkCharacter("32010219700104000"));
    assertFalse(ResidentIdNumbers.isValid("320102197001040000", TODAY));
  }

  @Test
  void upperCasesTrailingX() {
    assertEquals("32010219700104000X", ResidentIdNumbers.normalize(" 32010219700104000x "));
  }

  @Test
  void refusesFifteenDigitNumbers() {
    assertFalse(ResidentIdNumbers.isValid("110101700101001", TODAY));
  }

  @Test
  void refusesLettersBeforeTheCheckCharacter() {
    assertFalse(ResidentIdNumbers.isValid("11010119000101000AX", TODAY));
    assertFalse(ResidentIdNumbers.isValid("1101011900010100X6", TODAY));
  }

  @Test
  void refusesIdNumberWithFutureBirthDate() {
    String tomorrow = withCheck("110101" + "20250616" + "001");
    assertFalse(ResidentIdNumbers.isValid(tomorrow, TODAY));
    assertTrue(ResidentIdNumbers.isValid(tomorrow, LocalDate.of(2025, 6, 16)));
  }

  @Test
  void acceptsIdNumberBornToday() {
    assertTrue(ResidentIdNumbers.isValid(withCheck("110101" + "20250615" + "001"), TODAY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"19000229", "20230229", "19991301", "19990100", "19990431"})
  void refusesImpossibleBirthDates(String birthDate) {
    assertFalse(ResidentIdNumbers.isValid(withCheck("110101" + birthDate + "001"), TODAY));
  }

  @Test
  void acceptsLeapDay() {
    assertTrue(ResidentIdNumbers.isValid(withCheck("110101" + "20000229" + "001"), TODAY));
  }

  @Test
  void acceptsAbolishedCountyCode() {
    // 110103 崇文区 was merged into 东城区 in 2010; the code stays on older cards.
    assertTrue(ResidentIdNumbers.isValid(withCheck("110103" + "19800101" + "002"), TODAY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"810000", "820000", "830000"})
  void acceptsHongKongMacaoAndTaiwanResidencePermits(String addressCode) {
    assertTrue(ResidentIdNumbers.isValid(withCheck(addressCode + "19900101" + "003"), TODAY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"000000", "999999", "110100", "840000"})
  void refusesAddressCodesNeverUsed(String addressCode) {
    assertFalse(ResidentIdNumbers.isValid(withCheck(addressCode + "19900101" + "003"), TODAY));
  }

  @Test
  void refusesToComputeCheckCharacterOfNonDigits() {
    assertThrows(
        IllegalArgumentException.class, () -> ResidentIdNumbers.checkCharacter("1101011900010100"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ResidentIdNumbers.checkCharacter("1101011900010100A"));
  }
}
