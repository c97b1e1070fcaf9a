package cn.cwca.portal.sms;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message of the outbox as the administrators' page shows it: a verification code stays legible
 * only while it is pending (not used yet and not expired); once it was used or expired it is shown
 * as ******. The stored message is not changed.
 *
 * @param sentAt UTC
 */
public record OutboxMessage(Long id, String mobile, String text, LocalDateTime sentAt)
    implements Serializable {

  /** The verification code in a code message ({@code ...您的验证码为123456，...}). */
  static final Pattern CODE = Pattern.compile("(验证码为)(\\d{4,8})");

  static final String MASK = "******";

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
