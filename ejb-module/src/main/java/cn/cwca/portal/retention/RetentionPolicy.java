package cn.cwca.portal.retention;

import cn.cwca.portal.common.Settings;
import java.time.LocalDateTime;

/**
 * How many days each kind of short-lived record is kept, from the settings {@value
 * #LOGIN_ATTEMPTS_SETTING} ({@value #DEFAULT_LOGIN_ATTEMPTS_DAYS}), {@value #SMS_CODES_SETTING}
 * ({@value #DEFAULT_SMS_CODES_DAYS}, counted from the code's expiry) and {@value
 * #SMS_OUTBOX_SETTING} ({@value #DEFAULT_SMS_OUTBOX_DAYS}). The audit trail is never purged.
 *
 * @param loginAttemptsDays days a login attempt is kept (throttling needs 15 minutes)
 * @param smsCodesDays days an SMS code is kept after it expired
 * @param smsOutboxDays days a message stays in the SMS outbox (短信发件箱)
 */
public record RetentionPolicy(int loginAttemptsDays, int smsCodesDays, int smsOutboxDays) {

  public static final String LOGIN_ATTEMPTS_SETTING = "caportal.retention.loginAttemptsDays";
  public static final String SMS_CODES_SETTING = "caportal.retention.smsCodesDays";
  public static final String SMS_OUTBOX_SETTING = "caportal.retention.smsOutboxDays";
  public static final int DEFAULT_LOGIN_ATTEMPTS_DAYS = 90;
  public static final int DEFAULT_SMS_CODES_DAYS = 30;
  public static final int DEFAULT_SMS_OUTBOX_DAYS = 90;

  /** The configured policy (see the class comment). */
  public static RetentionPolicy configured() {
    return new RetentionPolicy(
        days(LOGIN_ATTEMPTS_SETTING, DEFAULT_LOGIN_ATTEMPTS_DAYS),
        days(SMS_CODES_SETTING, DEFAULT_SMS_CODES_DAYS),
        days(SMS_OUTBOX_SETTING, DEFAULT_SMS_OUTBOX_DAYS));
  }

  private static int days(String setting, int fallback) {
    return Settings.positive(setting, fallback);
  }

  /** A setting's days: a positive whole number, else the default (with a warning). */
  static int parse(String setting, String value, int fallback) {
    return Settings.atLeast(setting, value, 1, fallback);
  }

  /** Login attempts before this time are purged. */
  public LocalDateTime loginAttemptsBefore(LocalDateTime now) {
    return now.minusDays(loginAttemptsDays);
  }

  /** SMS codes that expired before this time are purged. */
  public LocalDateTime smsCodesExpiredBefore(LocalDateTime now) {
    return now.minusDays(smsCodesDays);
  }

  /** Outbox messages sent before this time are purged. */
  public LocalDateTime smsOutboxBefore(LocalDateTime now) {
    return now.minusDays(smsOutboxDays);
  }
}
