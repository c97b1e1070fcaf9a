package cn.cwca.portal.sms;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message of the outbox as the administrators' page shows it: a verification code stays legible
 * only while it is pending (not used yet and not expired); once it was used or expired it is shown
 * as ******. A USB key's user PIN is never shown: it is the applicant's secret, which only the SMS
 * provider's connector reads, to send it. The stored message is not changed.
 *
 * @param sentAt UTC
 */
public record OutboxMessage(Long id, String mobile, String text, LocalDateTime sentAt)
    implements Serializable {

  /** The verification code in a code message ({@code ...您的验证码为123456，...}). */
  static final Pattern CODE = Pattern.compile("(验证码为)(\\d{4,8})");

  /** The user PIN of a key the office made ({@code ...的USBKey用户PIN码为12345678，...}). */
  static final Pattern PIN = Pattern.compile("(PIN码为)(\\d{4,16})");

  static final String MASK = "******";

  /** The text to show of any message: a key's user PIN masked, a code as {@link #shown} says. */
  static String shown(String text, boolean hasCode, boolean pending) {
    String withoutPin = PIN.matcher(text).replaceAll("$1" + MASK);
    return hasCode ? shown(withoutPin, pending) : withoutPin;
  }

  /** Whether the text carries a verification code. */
  static boolean hasCode(String text) {
    return CODE.matcher(text).find();
  }

  /**
   * The text to show.
   *
   * @param pending whether the code of the message can still be used: sent less than its validity
   *     ago and not used
   */
  static String shown(String text, boolean pending) {
    if (pending) {
      return text;
    }
    Matcher m = CODE.matcher(text);
    return m.replaceAll("$1" + MASK);
  }
}
