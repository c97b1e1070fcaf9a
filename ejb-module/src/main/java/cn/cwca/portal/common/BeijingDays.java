package cn.cwca.portal.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The days applicants and staff count in (Beijing time), for date filters over times the database
 * keeps in UTC.
 */
public final class BeijingDays {

  /** Beijing time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private BeijingDays() {}

  /** The start of a Beijing day, in UTC. */
  public static LocalDateTime startUtc(LocalDate day) {
    return LocalDateTime.ofInstant(day.atStartOfDay(ZONE).toInstant(), ZoneOffset.UTC);
  }
}
