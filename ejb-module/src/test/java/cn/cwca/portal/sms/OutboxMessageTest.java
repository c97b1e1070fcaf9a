package cn.cwca.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.SmsPurpose;
import org.junit.jupiter.api.Test;

/** The outbox shows a verification code only while it is pending. */
class OutboxMessageTest {

  @Test
  void aPendingCodeStaysLegibleAUsedOrExpiredOneIsMasked() {
    for (SmsPurpose purpose : SmsPurpose.values()) {
      String text = purpose.messageText("123456");
      assertTrue(OutboxMessage.hasCode(text), text);
      assertEquals(text, OutboxMessage.shown(text, true));
      String masked = OutboxMessage.shown(text, false);
      assertFalse(masked.contains("123456"), masked);
      assertTrue(masked.contains("验证码为******"), masked);
    }
  }

  @Test
  void otherMessagesAreShownAsSent() {
    String text = "【CA数字证书】您的证书申请（申请ID：A123）已审核通过。";
    assertFalse(OutboxMessage.hasCode(text));
  }
}
