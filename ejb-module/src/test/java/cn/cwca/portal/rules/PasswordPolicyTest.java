package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"Aa1234567", "Passw0rdX", "zZ9zZ9zZ9", "Aa1!@#$%^&*", "中文Aa1234567"})
  void acceptsPasswordsWithDigitLowerAndUpperCaseLongerThanEight(String password) {
    assertTrue(PasswordPolicy.isValid(password));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "123456789", "a12345678", "A12345678", "Aa123"})
  void refusesTheManualsBadPasswords(String password) {
    assertFalse(PasswordPolicy.isValid(password));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdefghI", "ABCDEFGH1", "abcdefgh1", "AAAAaaaaa"})
  void refusesPasswordsMissingACharacterClass(String password) {
    assertFalse(PasswordPolicy.isValid(password));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesMissingPassword(String password) {
    assertFalse(PasswordPolicy.isValid(password));
  }

  @Test
  void acceptsExactlyNineCharacters() {
    assertTrue(PasswordPolicy.isValid("Aa1234567"));
    assertFalse(PasswordPolicy.isValid("Aa123456"));
  }

  @Test
  void refusesMoreThanSixtyFourCharacters() {
    String sixtyFour = "Aa1" + "x".repeat(61);
    assertTrue(PasswordPolicy.isValid(sixtyFour));
    assertFalse(PasswordPolicy.isValid(sixtyFour + "x"));
  }

  @Test
  void countsOnlyAsciiLettersAsUpperOrLowerCase() {
    assertFalse(PasswordPolicy.isValid("ÄÖÜ1234567a"));
    assertFalse(PasswordPolicy.isValid("äöü1234567Ä"));
  }
}
