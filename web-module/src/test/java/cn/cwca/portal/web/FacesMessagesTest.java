package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class FacesMessagesTest {

  private final ResourceBundle bundle =
      new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
          return new Object[][] {
            {"login.throttled", "登录失败次数过多，请 {0} 分钟后再试"},
            {"plain", "It's plain"},
          };
        }
      };

  @Test
  void formatsTheArguments() {
    assertEquals(
        "登录失败次数过多，请 15 分钟后再试",
        FacesMessages.text(bundle, Locale.SIMPLIFIED_CHINESE, "login.throttled", 15));
  }

  @Test
  void leavesATextWithoutArgumentsAsItIs() {
    assertEquals("It's plain", FacesMessages.text(bundle, Locale.SIMPLIFIED_CHINESE, "plain"));
  }

  @Test
  void showsAMissingKeyInsteadOfFailing() {
    assertEquals(
        "???account.unknown???",
        FacesMessages.text(bundle, Locale.SIMPLIFIED_CHINESE, "account.unknown"));
  }
}
