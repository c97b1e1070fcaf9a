package cn.cwca.portal.account;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When failed logins block further attempts: 5 failures for one login name or 20 failures from one
 * address within 15 minutes. A block ends when enough of those failures have left the window.
 */
public final class LoginThrottlePolicy {

  /** Failures for one login name that block it. */
  public static final int MAX_FAILURES_PER_LOGIN_NAME = 5;

  /** Failures from one address that block it. */
  public static final int MAX_FAILURES_PER_ADDRESS = 20;

  /** How far back failures count. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private LoginThrottlePolicy() {}

  /** Start of the window that ends at {@code now}. */
  public static LocalDateTime windowStart(LocalDateTime now) {
    return now.minus(WINDOW);
  }

  /**
   * Whole minutes (at least 1) until fewer than {@code limit} failures remain in the window, or
   * empty when the failures do not block.
   *
   * @param failures the times of the failures inside the window, newest first
   */
  public static Optional<Long> minutesToWait(
      List<LocalDateTime> failures, int limit, LocalDateTime now) {
    if (failures.size() < limit) {
      return Optional.empty();
    }
    LocalDateTime unblockedAt = failures.get(limit - 1).plus(WINDOW);
    long seconds = Math.max(0, Duration.between(now, unblockedAt).toSeconds());
    return Optional.of(Math.max(1, (seconds + 59) / 60));
  }
}
