package cn.cwca.portal.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 3, 23);

  @Test
  void keepsEachKindForItsDays() {
    RetentionPolicy policy = new RetentionPolicy(90, 30, 60);

    assertEquals(NOW.minusDays(90), policy.loginAttemptsBefore(NOW));
    assertEquals(NOW.minusDays(30), policy.smsCodesExpiredBefore(NOW));
    assertEquals(NOW.minusDays(60), policy.smsOutboxBefore(NOW));
  }

  @Test
  void anUnusableSettingKeepsTheDefault() {
    assertEquals(90, RetentionPolicy.parse("s", "0", 90));
    assertEquals(90, RetentionPolicy.parse("s", "-3", 90));
    assertEquals(90, RetentionPolicy.parse("s", "ninety", 90));
    assertEquals(7, RetentionPolicy.parse("s", " 7 ", 90));
  }
}
