package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.rules.FieldRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountInputTest {

  private static String refusal(Runnable check) {
    return assertThrows(BusinessException.class, check::run).messageKey();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void aMissingFieldIsRequired(String value) {
    assertEquals("validation.required", refusal(() -> FieldInput.checked(FieldRule.MOBILE, value)));
  }

  @Test
  void aFieldBreakingItsRuleIsRefusedWithTheRulesMessage() {
    assertEquals("validation.mobile", refusal(() -> FieldInput.checked(FieldRule.MOBILE, "12440")));
    assertEquals(
        "validation.residentId",
        refusal(() -> FieldInput.checked(FieldRule.RESIDENT_ID, "110101190001010000")));
    assertEquals(
        "validation.creditCode",
        refusal(() -> FieldInput.checked(FieldRule.CREDIT_CODE, "91350100M000100Y4Z")));
  }

  @Test
  void acceptedValuesAreStoredNormalised() {
    assertEquals("13800138000", FieldInput.checked(FieldRule.MOBILE, "+86 138-0013-8000"));
    assertEquals(
        "32010219700104000X", FieldInput.checked(FieldRule.RESIDENT_ID, "32010219700104000x"));
  }

  @Test
  void namesHaveTwoToFiftyCharacters() {
    assertEquals("李四", FieldInput.name("  李四 "));
    assertEquals("validation.name", refusal(() -> FieldInput.name("李")));
    assertEquals("validation.name", refusal(() -> FieldInput.name("名".repeat(51))));
  }

  @Test
  void theDivisionMustBeOneInUse() {
    assertEquals("371502", AccountInput.division("371502"));
    assertEquals("validation.division", refusal(() -> AccountInput.division("999999")));
  }

  @Test
  void aNewPasswordFollowsThePasswordRuleAndEqualsItsConfirmation() {
    assertArrayEquals(
        "Passw0rdX".toCharArray(), AccountInput.newPassword("Passw0rdX", "Passw0rdX"));
    assertEquals(
        "validation.password", refusal(() -> AccountInput.newPassword("a12345678", "a12345678")));
    assertEquals(
        "validation.passwordConfirm",
        refusal(() -> AccountInput.newPassword("Passw0rdX", "Passw0rdY")));
  }
}
