package cn.cwca.portal.web.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentNotificationServletTest {

  @Test
  void alipaysFormIsDecodedInItsCharsetWithTheFirstValueOfARepeatedField() {
    Map<String, String> form =
        PaymentNotificationServlet.formParameters(
            "trade_status=TRADE_SUCCESS&subject=%E6%95%B0%E5%AD%97%E8%AF%81%E4%B9%A6"
                + "&total_amount=300.00&sign=a%2Bb%3D&empty=&trade_status=TRADE_CLOSED&flag",
            StandardCharsets.UTF_8);
    assertEquals("TRADE_SUCCESS", form.get("trade_status"));
    assertEquals("数字证书", form.get("subject"));
    assertEquals("a+b=", form.get("sign"));
    assertEquals("", form.get("empty"));
    assertEquals("", form.get("flag"));
  }
}
