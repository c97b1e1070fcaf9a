package cn.cwca.portal.application;

import cn.cwca.portal.common.BusinessException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * When a certificate may be renewed: once it expired, or within {@value #DAYS_BEFORE_EXPIRY} days
 * before it expires (user manual 4.1: 请在西部 CA 锁已到期或到期前 60 天内，申请更新续期). Times are UTC.
 */
public final class RenewalWindow {

  /** How long before expiry renewal opens. */
  public static final int DAYS_BEFORE_EXPIRY = 60;

  /** Dates in messages are the applicant's (Beijing) dates. */
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private RenewalWindow() {}

  /** When renewal opens for a certificate valid until {@code notAfter}. */
  public static LocalDateTime opensAt(LocalDateTime notAfter) {
    return notAfter.minusDays(DAYS_BEFORE_EXPIRY);
  }

  /** Whether a certificate valid until {@code notAfter} may be renewed at {@code now}. */
  public static boolean isOpen(LocalDateTime notAfter, LocalDateTime now) {
    return !now.isBefore(opensAt(notAfter));
  }

  /**
   * Refuses a certificate that is valid for longer than the window.
   *
   * @throws BusinessException {@code application.renewal.tooEarly} with the expiry date and the
   *     date renewal opens (Beijing dates, {@code yyyy-MM-dd})
   */
  public static void check(LocalDateTime notAfter, LocalDateTime now) {
    if (!isOpen(notAfter, now)) {
      throw new BusinessException(
          "application.renewal.tooEarly", beijingDate(notAfter), beijingDate(opensAt(notAfter)));
    }
  }

  private static String beijingDate(LocalDateTime utc) {
    return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BEIJING).format(DATE);
  }
}
