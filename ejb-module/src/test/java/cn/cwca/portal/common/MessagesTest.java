package cn.cwca.portal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validation.required",
        "validation.mobile",
        "validation.residentId",
        "validation.passport",
        "validation.creditCode",
        "validation.password",
        "validation.passwordConfirm",
        "validation.division",
        "validation.name",
        "account.duplicate.idNumber",
        "account.duplicate.creditCode",
        "account.duplicate.mobile",
        "account.notFound",
        "account.concurrentEdit",
        "account.password.currentWrong",
        "login.failed",
        "login.throttled",
        "sms.tooSoon",
        "sms.dailyLimit",
        "reset.codeInvalid",
        "reset.codeExpired",
        "reset.tooManyTries",
        "notice.concurrentEdit",
        "notice.notFound",
        "notice.withdrawn",
        "notice.titleTooLong",
        "notice.bodyTooLong"
      })
  void everyKeyTheServicesThrowHasAChineseText(String key) {
    assertTrue(BUNDLE.containsKey(key), key);
    assertTrue(
        BUNDLE.getString(key).codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF), key);
  }

  @Test
  void theThrottleMessageNamesTheMinutesToWait() {
    assertEquals(
        "登录失败次数过多，请15分钟后再试", MessageFormat.format(BUNDLE.getString("login.throttled"), 15L));
  }
}
