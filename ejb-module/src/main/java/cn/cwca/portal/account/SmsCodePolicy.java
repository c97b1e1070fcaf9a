package cn.cwca.portal.account;

import cn.cwca.portal.common.Settings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Limits of the SMS verification codes (password reset, registration, change of mobile number,
 * counted together): per mobile number at most one code a minute and ten a calendar day (Beijing
 * time, as the applicant counts "today"); per address at most thirty an hour (the setting {@value
 * #MAX_PER_ADDRESS_SETTING}); a code is valid five minutes and allows five tries.
 */
public final class SmsCodePolicy {

  /** Shortest interval between two codes for one mobile number. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /** Codes per mobile number and calendar day. */
  public static final int MAX_PER_DAY = 10;

  /**
   * Codes one address may request within {@link #ADDRESS_WINDOW}, whatever the numbers: bounds what
   * one client can make the portal store and send. Generous, as an office behind one NAT address
   * shares it.
   */
  public static final int MAX_PER_ADDRESS_PER_HOUR = 30;

  /** The setting that replaces {@link #MAX_PER_ADDRESS_PER_HOUR}. */
  public static final String MAX_PER_ADDRESS_SETTING = "caportal.sms.maxPerAddressPerHour";

  /** The window of {@link #MAX_PER_ADDRESS_PER_HOUR}. */
  public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

  /** How long a code is valid. */
  public static final Duration VALIDITY = Duration.ofMinutes(5);

  /** Tries per code, right or wrong. */
  public static final int MAX_TRIES = 5;

  /** Where "today" of the daily limit is counted. */
  public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

  private SmsCodePolicy() {}

  /** Start (UTC) of the Beijing calendar day that contains {@code nowUtc}. */
  public static LocalDateTime startOfDay(LocalDateTime nowUtc) {
    return nowUtc
        .atOffset(ZoneOffset.UTC)
        .atZoneSameInstant(DAY_ZONE)
        .toLocalDate()
        .atStartOfDay(DAY_ZONE)
        .withZoneSameInstant(ZoneOffset.UTC)
        .toLocalDateTime();
  }

  /** Whether a code sent at {@code lastSentAt} still blocks a new one at {@code now}. */
  public static boolean tooSoon(LocalDateTime lastSentAt, LocalDateTime now) {
    return lastSentAt != null && lastSentAt.plus(MIN_INTERVAL).isAfter(now);
  }

  /** Whether {@code sentToday} codes exhaust the daily allowance. */
  public static boolean dailyLimitReached(long sentToday) {
    return sentToday >= MAX_PER_DAY;
  }

  /** Whether {@code fromAddress} codes in the last hour exhaust the address's allowance. */
  public static boolean addressLimitReached(long fromAddress) {
    return fromAddress >= maxPerAddressPerHour();
  }

  /** Codes one address may request within {@link #ADDRESS_WINDOW}, as configured. */
  public static int maxPerAddressPerHour() {
    return Settings.positive(MAX_PER_ADDRESS_SETTING, MAX_PER_ADDRESS_PER_HOUR);
  }
}
