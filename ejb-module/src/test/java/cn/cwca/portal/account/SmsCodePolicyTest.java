package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SmsCodePolicyTest {

  @Test
  void theDayStartsAtMidnightBeijingTime() {
    // 2026-11-24 01:30 UTC is 09:30 in Beijing; that day began at 2026-11-23 16:00 UTC
    assertEquals(
        LocalDateTime.of(2026, 11, 23, 16, 0),
        SmsCodePolicy.startOfDay(LocalDateTime.of(2026, 11, 24, 1, 30)));
    // 2026-11-24 17:00 UTC is already 2026-11-25 01:00 in Beijing
    assertEquals(
        LocalDateTime.of(2026, 11, 24, 16, 0),
        SmsCodePolicy.startOfDay(LocalDateTime.of(2026, 11, 24, 17, 0)));
  }

  @Test
  void aSecondCodeWithinAMinuteIsTooSoon() {
    LocalDateTime sent = LocalDateTime.of(2026, 11, 24, 8, 0, 0);
    assertTrue(SmsCodePolicy.tooSoon(sent, sent.plusSeconds(59)));
    assertFalse(SmsCodePolicy.tooSoon(sent, sent.plusSeconds(60)));
    assertFalse(SmsCodePolicy.tooSoon(null, sent));
  }

  @Test
  void tenCodesADayAreTheLimit() {
    assertFalse(SmsCodePolicy.dailyLimitReached(9));
    assertTrue(SmsCodePolicy.dailyLimitReached(10));
  }

  @Test
  void theMessageCarriesTheCodeAndItsValidity() {
    assertEquals(
        "【CA数字证书】您的验证码为012345，用于重置密码，5分钟内有效，请勿泄露。",
        SmsPurpose.PASSWORD_RESET.messageText("012345"));
    assertEquals(
        "【CA数字证书】您的验证码为012345，用于注册账号，5分钟内有效，请勿泄露。", SmsPurpose.REGISTRATION.messageText("012345"));
  }
}
