package cn.cwca.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.SmsPurpose;
import org.junit.jupiter.api.Test;

/** The outbox shows a verification code only while it is pending, and never a key's user PIN. */
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
    assertEquals(text, OutboxMessage.shown(text, false, false));
  }

  @Test
  void aKeysUserPinIsNeverShown() {
    String text = cn.cwca.portal.common.Messages.format("sms.order.userPin", "A123", "01234567");
    String shown = OutboxMessage.shown(text, OutboxMessage.hasCode(text), true);
    assertFalse(shown.contains("01234567"), shown);
    assertTrue(shown.contains("PIN码为******"), shown);
    assertTrue(shown.contains("A123"), shown);
  }
}
