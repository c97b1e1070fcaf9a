package cn.cwca.portal.shipping;

import cn.cwca.portal.common.Settings;
import java.time.LocalDateTime;
import java.util.logging.Logger;

/**
 * When a shipped key that was not signed for (签收) counts as received: {@link #days()} days after
 * its current waybill left (a parcel shipped again counts from the new waybill). The days are the
 * setting {@value #DAYS_SETTING}, {@value #DEFAULT_DAYS} unless set.
 */
public final class AutoCompletion {

  /** System property (or MicroProfile Config entry) with the number of days. */
  public static final String DAYS_SETTING = "caportal.shipping.autoCompleteDays";

  /** Days when the setting is missing or unusable. */
  public static final int DEFAULT_DAYS = 15;

  private static final Logger LOG = Logger.getLogger(AutoCompletion.class.getName());

  private AutoCompletion() {}

  /** The configured days: a positive whole number, else {@value #DEFAULT_DAYS}. */
  public static int days() {
    return Settings.value(DAYS_SETTING).map(AutoCompletion::parse).orElse(DEFAULT_DAYS);
  }

  /** The days of a setting's value: a positive whole number, else {@value #DEFAULT_DAYS}. */
  static int parse(String value) {
    try {
      int days = Integer.parseInt(value.strip());
      if (days > 0) {
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    LOG.warning(
        () ->
            DAYS_SETTING
                + "="
                + value
                + " is not a positive number of days; using "
                + DEFAULT_DAYS);
    return DEFAULT_DAYS;
  }

  /** The latest shipping time (UTC) of a waybill that is due at {@code now}. */
  public static LocalDateTime cutoff(LocalDateTime now, int days) {
    return now.minusDays(days);
  }

  /** Whether a key shipped at {@code shippedAt} counts as received at {@code now}. */
  public static boolean isDue(LocalDateTime shippedAt, LocalDateTime now, int days) {
    return !shippedAt.isAfter(cutoff(now, days));
  }
}
