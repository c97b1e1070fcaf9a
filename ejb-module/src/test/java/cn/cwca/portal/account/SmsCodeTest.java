package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SmsCodeTest {

  private static final LocalDateTime SENT = LocalDateTime.of(2026, 11, 24, 8, 0, 0);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ADDRESS = "198.51.100.20";

  private static SmsCode delivered(String code) {
    return new SmsCode(
        SmsPurpose.PASSWORD_RESET,
        "110101190001010006",
        "13800138000",
        code,
        true,
        ADDRESS,
        SENT,
        RANDOM);
  }

  @RepeatedTest(20)
  void newCodesHaveSixDigits() {
    assertTrue(SmsCode.newCode(RANDOM).matches("\\d{6}"));
  }

  @Test
  void acceptsTheRightCodeOnceOnly() {
    SmsCode code = delivered("012345");
    assertEquals(SmsCode.Outcome.ACCEPTED, code.attempt("012345", SENT.plusMinutes(1)));
    assertTrue(code.isUsed());
    assertEquals(SmsCode.Outcome.UNUSABLE, code.attempt("012345", SENT.plusMinutes(2)));
  }

  @Test
  void countsWrongTriesAndRefusesTheSixth() {
    SmsCode code = delivered("012345");
    for (int i = 0; i < 5; i++) {
      assertEquals(SmsCode.Outcome.WRONG, code.attempt("999999", SENT.plusSeconds(10)));
    }
    assertEquals(5, code.getTries());
    assertEquals(SmsCode.Outcome.EXHAUSTED, code.attempt("012345", SENT.plusSeconds(20)));
    assertEquals(5, code.getTries());
  }

  @Test
  void theRightCodeOnTheFifthTryIsAccepted() {
    SmsCode code = delivered("012345");
    for (int i = 0; i < 4; i++) {
      code.attempt("999999", SENT.plusSeconds(10));
    }
    assertEquals(SmsCode.Outcome.ACCEPTED, code.attempt("012345", SENT.plusSeconds(20)));
  }

  @Test
  void expiresFiveMinutesAfterSendingWithoutCountingATry() {
    SmsCode code = delivered("012345");
    assertEquals(SmsCode.Outcome.EXPIRED, code.attempt("012345", SENT.plusMinutes(5)));
    assertEquals(0, code.getTries());
    assertFalse(code.isExpiredAt(SENT.plusMinutes(5).minusSeconds(1)));
  }

  private static SmsCode notDelivered(String code) {
    return new SmsCode(
        SmsPurpose.PASSWORD_RESET, "UNKNOWN", "13800138000", code, false, ADDRESS, SENT, RANDOM);
  }

  @Test
  void aCodeNoSmsCarriedIsNeverAcceptedButCountsTheTry() {
    SmsCode code = notDelivered("012345");
    assertEquals(SmsCode.Outcome.WRONG, code.attempt("012345", SENT.plusSeconds(10)));
    assertFalse(code.isUsed());
    assertEquals(1, code.getTries());
  }

  @Test
  void aCodeNoSmsCarriedIsExhaustedAndExpiresLikeASentOne() {
    SmsCode unsent = notDelivered("012345");
    SmsCode sent = delivered("012345");
    for (int i = 0; i < 5; i++) {
      assertEquals(
          sent.attempt("999999", SENT.plusSeconds(10)),
          unsent.attempt("999999", SENT.plusSeconds(10)));
    }
    assertEquals(SmsCode.Outcome.EXHAUSTED, unsent.attempt("012345", SENT.plusSeconds(20)));
    assertEquals(
        SmsCode.Outcome.EXPIRED, notDelivered("012345").attempt("999999", SENT.plusMinutes(5)));
  }

  @Test
  void refusesCandidatesThatAreNotSixDigits() {
    SmsCode code = delivered("012345");
    assertFalse(code.matches("12345"));
    assertFalse(code.matches("0123456"));
    assertFalse(code.matches(null));
    assertTrue(code.matches(" 012345 "));
  }

  @Test
  void keepsOnlyASaltedHashOfTheCode() {
    SmsCode one = delivered("012345");
    SmsCode two = delivered("012345");
    assertFalse(one.toString().contains("012345"));
    assertNotEquals(one.codeHash(), two.codeHash());
    assertEquals(64, one.codeHash().length());
  }
}
