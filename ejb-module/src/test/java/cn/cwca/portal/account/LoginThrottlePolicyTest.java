package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 8, 0, 0);

  /** Failures {@code minutesApart} minutes apart, the newest one minute ago, newest first. */
  private static List<LocalDateTime> failures(int count, int minutesApart) {
    List<LocalDateTime> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      times.add(NOW.minusMinutes(1 + (long) i * minutesApart));
    }
    return times;
  }

  @Test
  void fourFailuresOfALoginNameDoNotBlock() {
    assertTrue(
        LoginThrottlePolicy.minutesToWait(
                failures(4, 1), LoginThrottlePolicy.MAX_FAILURES_PER_LOGIN_NAME, NOW)
            .isEmpty());
  }

  @Test
  void fiveFailuresOfALoginNameBlockUntilTheFifthNewestLeavesTheWindow() {
    // newest 1 min ago, fifth newest 5 min ago: it leaves the 15-minute window in 10 minutes
    Optional<Long> wait =
        LoginThrottlePolicy.minutesToWait(
            failures(5, 1), LoginThrottlePolicy.MAX_FAILURES_PER_LOGIN_NAME, NOW);
    assertEquals(Optional.of(10L), wait);
  }

  @Test
  void roundsPartMinutesUpAndWaitsAtLeastOneMinute() {
    List<LocalDateTime> almostExpired = List.of(NOW.minusMinutes(15).plusSeconds(1));
    assertEquals(Optional.of(1L), LoginThrottlePolicy.minutesToWait(almostExpired, 1, NOW));
    List<LocalDateTime> halfMinute = List.of(NOW.minusMinutes(5).plusSeconds(30));
    assertEquals(Optional.of(11L), LoginThrottlePolicy.minutesToWait(halfMinute, 1, NOW));
  }

  @Test
  void twentyFailuresFromOneAddressBlockNineteenDoNot() {
    assertTrue(
        LoginThrottlePolicy.minutesToWait(
                failures(19, 0), LoginThrottlePolicy.MAX_FAILURES_PER_ADDRESS, NOW)
            .isEmpty());
    assertEquals(
        Optional.of(14L),
        LoginThrottlePolicy.minutesToWait(
            failures(20, 0), LoginThrottlePolicy.MAX_FAILURES_PER_ADDRESS, NOW));
  }

  @Test
  void theWindowIsFifteenMinutes() {
    assertEquals(NOW.minusMinutes(15), LoginThrottlePolicy.windowStart(NOW));
  }
}
