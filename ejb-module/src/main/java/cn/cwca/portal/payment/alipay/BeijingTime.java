package cn.cwca.portal.payment.alipay;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Alipay's times ({@code time_expire}, {@code gmt_payment}, {@code send_pay_date}): {@code
 * yyyy-MM-dd HH:mm:ss} without a zone, meaning Beijing time.
 */
final class BeijingTime {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private BeijingTime() {}

  /** The instant as Alipay writes it, to the second (a fraction of a second is dropped). */
  static String format(OffsetDateTime time) {
    return FORMAT.format(time.atZoneSameInstant(ZONE));
  }

  /**
   * The instant Alipay means.
   *
   * @throws IllegalArgumentException when the text is not a time in Alipay's format
   */
  static OffsetDateTime parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no time");
    }
    try {
      return LocalDateTime.parse(text, FORMAT).atZone(ZONE).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a time of Alipay's: " + text, e);
    }
  }
}
