package cn.cwca.portal.payment.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.payment.IncomingNotification;
import cn.cwca.portal.payment.NotificationRejectedException;
import cn.cwca.portal.payment.VerifiedNotification;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxNotificationsTest {

  private static final String SECRET = "sandbox-secret-for-the-test";
  private static final OffsetDateTime PAID = OffsetDateTime.parse("2026-12-07T16:00:00+08:00");

  private static IncomingNotification signed(String body, String secret) {
    return new IncomingNotification(
        Map.of("sandbox-signature", SandboxNotifications.sign(body, secret)), body, Map.of());
  }

  @Test
  void aSignedNotificationVerifiesIntoThePayment() throws NotificationRejectedException {
    String body = SandboxNotifications.body("n1", "ABCDEFGHIJKLMNOPQRST", "SANDBOX1", 30000, PAID);
    VerifiedNotification n = SandboxNotifications.verify(signed(body, SECRET), SECRET);
    assertEquals("ABCDEFGHIJKLMNOPQRST", n.outTradeNo());
    assertEquals("SANDBOX1", n.transactionId());
    assertEquals("SANDBOX", n.merchantId());
    assertEquals(30000, n.amountFen());
    assertTrue(n.paid());
    assertEquals(PAID, n.paidAt());
  }

  @Test
  void aChangedBodyAnotherSecretOrNoSignatureIsRejected() {
    String body = SandboxNotifications.body("n1", "ABCDEFGHIJKLMNOPQRST", "SANDBOX1", 30000, PAID);
    IncomingNotification good = signed(body, SECRET);
    assertThrows(
        NotificationRejectedException.class,
        () ->
            SandboxNotifications.verify(
                new IncomingNotification(good.headers(), body.replace("30000", "1"), Map.of()),
                SECRET));
    assertThrows(
        NotificationRejectedException.class,
        () -> SandboxNotifications.verify(signed(body, "another secret"), SECRET));
    assertThrows(
        NotificationRejectedException.class,
        () ->
            SandboxNotifications.verify(
                new IncomingNotification(Map.of(), body, Map.of()), SECRET));
  }

  @Test
  void aSignedButUnreadableBodyIsRejected() {
    assertThrows(
        NotificationRejectedException.class,
        () -> SandboxNotifications.verify(signed("{\"id\":1}", SECRET), SECRET));
  }

  @Test
  void theQrCodeOpensTheSandboxPageBesideTheNotificationPath() {
    var qr =
        new SandboxProvider()
            .create(
                new cn.cwca.portal.payment.PaymentOrder(
                    "ABCDEFGHIJKLMNOPQRST",
                    "数字证书",
                    30000,
                    PAID,
                    "https://ca.example.cn/portal/payment/notify/sandbox"));
    assertEquals(
        "https://ca.example.cn/portal/payment/sandbox.xhtml?trade=ABCDEFGHIJKLMNOPQRST",
        qr.qrContent());
  }
}
