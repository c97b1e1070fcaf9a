package cn.cwca.portal.payment.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.payment.NotificationAnswer;
import cn.cwca.portal.payment.NotificationRejectedException;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentOrder;
import cn.cwca.portal.payment.PaymentProviderException;
import cn.cwca.portal.payment.ProviderPaymentState;
import cn.cwca.portal.payment.ProviderPaymentState.Status;
import cn.cwca.portal.payment.QrPayment;
import cn.cwca.portal.payment.VerifiedNotification;
import cn.cwca.portal.payment.alipay.FakeAlipayGateway.Notification;
import cn.cwca.portal.payment.alipay.FakeAlipayGateway.Trade;
import cn.cwca.portal.payment.alipay.FakeAlipayGateway.TradeStatus;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlipayProviderTest {

  private static final AtomicLong ORDER_NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000);
  private static final OffsetDateTime EXPIRES_AT =
      OffsetDateTime.of(2026, 12, 7, 2, 30, 0, 0, ZoneOffset.UTC);
  private static final String NOTIFY_URL = "https://portal.example.cn/payment/notify/alipay";

  private FakeAlipayGateway gateway;
  private AlipayProvider provider;

  @BeforeEach
  void startGateway() {
    gateway = new FakeAlipayGateway();
    provider = new AlipayProvider(gateway.settings());
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }

  // create

  @Test
  void createReturnsTheGatewaysQrCodeUntilTheOrdersExpiry() {
    PaymentOrder order = order(1234);

    QrPayment payment = provider.create(order);

    Trade trade = gateway.trade(order.outTradeNo()).orElseThrow();
    assertEquals(trade.qrCode(), payment.qrContent());
    assertTrue(payment.qrContent().startsWith("https://qr.alipay.com/"));
    assertEquals(EXPIRES_AT, payment.expiresAt());
  }

  @Test
  void createSendsTheAmountInYuanTheExpiryInBeijingTimeAndTheNotifyUrl() {
    PaymentOrder order = order(1);

    provider.create(order);

    Trade trade = gateway.trade(order.outTradeNo()).orElseThrow();
    assertEquals(order.outTradeNo(), trade.outTradeNo());
    assertEquals("0.01", trade.totalAmount());
    assertEquals("数字证书 新办 (1年)", trade.subject());
    assertEquals("2026-12-07 10:30:00", trade.timeExpire());
    assertEquals(NOTIFY_URL, trade.notifyUrl());
  }

  @Test
  void aRefusedPrecreateIsAProviderFailure() {
    PaymentOrder order = order(1000);
    provider.create(order);
    PaymentOrder sameNumberOtherAmount =
        new PaymentOrder(order.outTradeNo(), order.description(), 2000, EXPIRES_AT, NOTIFY_URL);

    PaymentProviderException e =
        assertThrows(PaymentProviderException.class, () -> provider.create(sameNumberOtherAmount));
    assertTrue(e.getMessage().contains("ACQ.CONTEXT_INCONSISTENT"), e.getMessage());
  }

  @Test
  void anAnswerSignedWithAnotherKeyThanAlipaysIsAProviderFailure() {
    gateway.signAnswersWithForeignKey(true);

    assertThrows(PaymentProviderException.class, () -> provider.create(order(100)));
  }

  @Test
  void aRequestTheGatewayCannotVerifyIsAProviderFailure() {
    AlipaySettings otherAppKey =
        new AlipaySettings(
            FakeAlipayGateway.APP_ID,
            FakeAlipayGateway.SELLER_ID,
            FakeAlipayGateway.foreignPrivateKeyBase64(),
            FakeAlipayGateway.alipayPublicKeyBase64(),
            gateway.gatewayUrl());

    PaymentProviderException e =
        assertThrows(
            PaymentProviderException.class,
            () -> new AlipayProvider(otherAppKey).create(order(100)));
    assertTrue(e.getMessage().contains("isv.invalid-signature"), e.getMessage());
  }

  @Test
  void aGatewayServerErrorIsAProviderFailure() {
    gateway.failWithServerError(true);

    assertThrows(PaymentProviderException.class, () -> provider.create(order(100)));
    assertThrows(PaymentProviderException.class, () -> provider.query("P0000001"));
    assertThrows(PaymentProviderException.class, () -> provider.close("P0000001"));
  }

  @Test
  void anUnreachableGatewayIsAProviderFailureThatKeepsTheKeyToItself() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    AlipaySettings settings = gateway.settings();
    AlipayProvider unreachable =
        new AlipayProvider(
            new AlipaySettings(
                settings.appId(),
                settings.sellerId(),
                settings.appPrivateKeyPem(),
                settings.alipayPublicKeyPem(),
                "http://127.0.0.1:" + closedPort + "/gateway.do"));

    PaymentProviderException e =
        assertThrows(PaymentProviderException.class, () -> unreachable.create(order(100)));
    assertFalse(e.getMessage().contains(FakeAlipayGateway.appPrivateKeyBase64().substring(40, 80)));
  }

  // query

  @Test
  void aPrecreatedTradeNobodyScannedIsNotFound() {
    PaymentOrder order = order(100);
    provider.create(order);

    assertEquals(Status.NOT_FOUND, provider.query(order.outTradeNo()).status());
  }

  @Test
  void aScannedTradeIsNotPaid() {
    PaymentOrder order = order(100);
    provider.create(order);
    gateway.scan(order.outTradeNo());

    ProviderPaymentState state = provider.query(order.outTradeNo());

    assertEquals(Status.NOT_PAID, state.status());
    assertEquals(0, state.amountFen());
    assertNull(state.paidAt());
  }

  @Test
  void aPaidTradeGivesItsTradeNoAmountInFenAndPaymentTime() {
    PaymentOrder order = order(12345);
    provider.create(order);
    Notification notification = gateway.pay(order.outTradeNo());

    ProviderPaymentState state = provider.query(order.outTradeNo());

    Trade trade = gateway.trade(order.outTradeNo()).orElseThrow();
    assertEquals(Status.PAID, state.status());
    assertEquals(order.outTradeNo(), state.outTradeNo());
    assertEquals(trade.tradeNo(), state.transactionId());
    assertEquals(12345, state.amountFen());
    assertEquals(FakeAlipayGateway.SELLER_ID, state.merchantId());
    assertEquals(BeijingTime.parse(notification.parameter("gmt_payment")), state.paidAt());
    assertEquals(ZoneOffset.ofHours(8), state.paidAt().getOffset());
  }

  @Test
  void aTradeClosedAtAlipayIsClosed() {
    PaymentOrder order = order(100);
    provider.create(order);
    gateway.expire(order.outTradeNo());

    assertEquals(Status.CLOSED, provider.query(order.outTradeNo()).status());
  }

  @Test
  void aTradeAlipayNeverHeardOfIsNotFound() {
    assertEquals(ProviderPaymentState.notFound("P9999999"), provider.query("P9999999"));
  }

  // close

  @Test
  void closingATradeAlipayDoesNotKnowIsNotAnError() {
    PaymentOrder order = order(100);
    provider.create(order);

    provider.close(order.outTradeNo());
    provider.close("P9999999");

    assertEquals(TradeStatus.PRECREATED, gateway.trade(order.outTradeNo()).orElseThrow().status());
  }

  @Test
  void closingAScannedTradeClosesIt() {
    PaymentOrder order = order(100);
    provider.create(order);
    gateway.scan(order.outTradeNo());

    provider.close(order.outTradeNo());

    assertEquals(
        TradeStatus.TRADE_CLOSED, gateway.trade(order.outTradeNo()).orElseThrow().status());
  }

  @Test
  void closingAClosedTradeAgainIsNotAnError() {
    PaymentOrder order = order(100);
    provider.create(order);
    gateway.expire(order.outTradeNo());

    provider.close(order.outTradeNo());

    assertEquals(
        TradeStatus.TRADE_CLOSED, gateway.trade(order.outTradeNo()).orElseThrow().status());
  }

  @Test
  void closingAPaidTradeIsAProviderFailure() {
    PaymentOrder order = order(100);
    provider.create(order);
    gateway.pay(order.outTradeNo());

    PaymentProviderException e =
        assertThrows(PaymentProviderException.class, () -> provider.close(order.outTradeNo()));
    assertTrue(e.getMessage().contains("PAID"), e.getMessage());
  }

  // notifications

  @Test
  void alipaysNotificationOfAPaymentVerifies() throws NotificationRejectedException {
    PaymentOrder order = order(2550);
    provider.create(order);
    Notification notification = gateway.pay(order.outTradeNo());

    VerifiedNotification verified = provider.verify(notification.asIncoming());

    Trade trade = gateway.trade(order.outTradeNo()).orElseThrow();
    assertEquals(notification.parameter("notify_id"), verified.notificationId());
    assertEquals(order.outTradeNo(), verified.outTradeNo());
    assertEquals(trade.tradeNo(), verified.transactionId());
    assertEquals(FakeAlipayGateway.SELLER_ID, verified.merchantId());
    assertEquals(provider.merchantId(), verified.merchantId());
    assertEquals(2550, verified.amountFen());
    assertTrue(verified.paid());
    assertEquals(BeijingTime.parse(trade.gmtPayment()), verified.paidAt());
  }

  @Test
  void aNotificationOfAClosedTradeVerifiesAsNotPaid() throws NotificationRejectedException {
    PaymentOrder order = order(100);
    provider.create(order);
    Trade closed = gateway.expire(order.outTradeNo());

    VerifiedNotification verified = provider.verify(gateway.notificationOf(closed).asIncoming());

    assertFalse(verified.paid());
    assertNull(verified.paidAt());
  }

  @Test
  void aNotificationForAnotherSellerVerifiesAndNamesThatSeller()
      throws NotificationRejectedException {
    Notification paid = paidNotification(100);

    VerifiedNotification verified =
        provider.verify(gateway.signed(paid.with("seller_id", "2088999999999999")).asIncoming());

    // The payment service compares it with merchantId() and refuses it.
    assertEquals("2088999999999999", verified.merchantId());
  }

  @Test
  void theAmountIsReadExactly() throws NotificationRejectedException {
    Notification paid = paidNotification(100);

    assertEquals(1, verifiedAmount(paid.with("total_amount", "0.01")));
    assertEquals(1000, verifiedAmount(paid.with("total_amount", "10")));
    assertEquals(1050, verifiedAmount(paid.with("total_amount", "10.5")));
    assertEquals(123456789, verifiedAmount(paid.with("total_amount", "1234567.89")));
  }

  @Test
  void aMalformedAmountIsRejected() {
    Notification paid = paidNotification(100);

    for (String amount : new String[] {"0.001", "-1.00", "1,00", "1e2", "", "one"}) {
      Notification signed = gateway.signed(paid.with("total_amount", amount));
      assertThrows(
          NotificationRejectedException.class, () -> provider.verify(signed.asIncoming()), amount);
    }
  }

  @Test
  void aForgedSignatureIsRejected() {
    Notification paid = paidNotification(100);

    NotificationRejectedException e =
        assertThrows(
            NotificationRejectedException.class,
            () -> provider.verify(gateway.forgedNotification(paid.parameters()).asIncoming()));
    assertEquals("bad signature", e.getMessage());
  }

  @Test
  void aParameterChangedAfterSigningIsRejected() {
    Notification paid = paidNotification(100);

    assertThrows(
        NotificationRejectedException.class,
        () -> provider.verify(paid.with("total_amount", "0.01").asIncoming()));
    assertThrows(
        NotificationRejectedException.class,
        () -> provider.verify(paid.with("trade_status", "TRADE_FINISHED").asIncoming()));
  }

  @Test
  void aNotificationForAnotherAppIsRejectedThoughAlipaySignedIt() {
    Notification paid = paidNotification(100);

    NotificationRejectedException e =
        assertThrows(
            NotificationRejectedException.class,
            () ->
                provider.verify(
                    gateway.signed(paid.with("app_id", "2021000199999999")).asIncoming()));
    assertTrue(e.getMessage().contains("another app"), e.getMessage());
  }

  @Test
  void anUnsignedNotificationIsRejected() {
    Notification paid = paidNotification(100);

    assertThrows(
        NotificationRejectedException.class,
        () -> provider.verify(paid.without("sign").asIncoming()));
    assertThrows(
        NotificationRejectedException.class,
        () -> provider.verify(paid.with("sign", "").asIncoming()));
  }

  @Test
  void aNotificationSignedWithAnotherAlgorithmIsRejected() {
    Notification paid = paidNotification(100);

    // sign_type is not signed: RSA (SHA-1) would be a downgrade.
    assertThrows(
        NotificationRejectedException.class,
        () -> provider.verify(paid.with("sign_type", "RSA").asIncoming()));
  }

  @Test
  void aNotificationWithoutItsTradeNumberIsRejected() {
    Notification paid = paidNotification(100);

    assertThrows(
        NotificationRejectedException.class,
        () -> provider.verify(gateway.signed(paid.without("out_trade_no")).asIncoming()));
  }

  @Test
  void aDeliveredNotificationArrivesAsAFormThatVerifies() throws IOException {
    Notification paid = paidNotification(4200);
    Map<String, String> received = new HashMap<>();
    HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext(
        "/notify",
        exchange -> {
          String form =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          for (String pair : form.split("&")) {
            String[] nameValue = pair.split("=", 2);
            received.put(
                URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
          }
          byte[] answer = provider.accepted().body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    portal.start();
    try {
      FakeAlipayGateway.Delivery delivery =
          gateway.deliver(
              paid, URI.create("http://127.0.0.1:" + portal.getAddress().getPort() + "/notify"));

      assertEquals(200, delivery.status());
      assertEquals("success", delivery.body());
      assertEquals(paid.parameters(), received);
    } finally {
      portal.stop(0);
    }
  }

  @Test
  void alipayReadsSuccessOrFail() {
    assertEquals(new NotificationAnswer(200, "text/plain", "success"), provider.accepted());
    assertEquals(
        new NotificationAnswer(200, "text/plain", "fail"), provider.refused("bad signature"));
  }

  // settings

  @Test
  void theProviderIsAlipaysAndItsMerchantIsTheSeller() {
    assertEquals(PaymentChannel.ALIPAY, provider.channel());
    assertTrue(provider.isConfigured());
    assertEquals(FakeAlipayGateway.SELLER_ID, provider.merchantId());
  }

  @Test
  void withoutItsPrivateKeyAlipayIsNotConfigured() {
    AlipaySettings settings = gateway.settings();
    AlipaySettings withoutKey =
        new AlipaySettings(
            settings.appId(), settings.sellerId(), " ", settings.alipayPublicKeyPem(), null);
    AlipayProvider unconfigured = new AlipayProvider(withoutKey);

    assertFalse(withoutKey.isComplete());
    assertEquals(List.of(AlipaySettings.APP_PRIVATE_KEY_ALIAS), withoutKey.missingSettings());
    assertFalse(unconfigured.isConfigured());
    long requestsBefore = gateway.requestCount();
    PaymentProviderException e =
        assertThrows(PaymentProviderException.class, () -> unconfigured.create(order(100)));
    assertTrue(e.getMessage().contains(AlipaySettings.APP_PRIVATE_KEY_ALIAS), e.getMessage());
    assertEquals(requestsBefore, gateway.requestCount());
    Notification paid = paidNotification(100);
    assertThrows(NotificationRejectedException.class, () -> unconfigured.verify(paid.asIncoming()));
  }

  @Test
  void aPkcs1PrivateKeyIsRefusedWithoutShowingIt() {
    AlipaySettings settings = gateway.settings();
    String pkcs1 =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + FakeAlipayGateway.appPrivateKeyBase64()
            + "\n-----END RSA PRIVATE KEY-----";
    AlipayProvider provider =
        new AlipayProvider(
            new AlipaySettings(
                settings.appId(),
                settings.sellerId(),
                pkcs1,
                settings.alipayPublicKeyPem(),
                settings.gatewayUrl()));

    PaymentProviderException e =
        assertThrows(PaymentProviderException.class, () -> provider.create(order(100)));
    assertTrue(e.getMessage().contains("PKCS#8"), e.getMessage());
    assertFalse(e.getMessage().contains(FakeAlipayGateway.appPrivateKeyBase64().substring(40, 80)));
  }

  @Test
  void aPrivateKeyThatIsNoKeyIsRefusedWithoutShowingIt() {
    AlipaySettings settings = gateway.settings();
    AlipayProvider provider =
        new AlipayProvider(
            new AlipaySettings(
                settings.appId(),
                settings.sellerId(),
                "TUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD",
                settings.alipayPublicKeyPem(),
                settings.gatewayUrl()));

    PaymentProviderException e =
        assertThrows(PaymentProviderException.class, () -> provider.create(order(100)));
    assertTrue(e.getMessage().contains(AlipaySettings.APP_PRIVATE_KEY_ALIAS), e.getMessage());
    assertFalse(e.getMessage().contains("TUlJRXZRSUJB"));
    assertNull(e.getCause());
  }

  @Test
  void theSdkLeavesTheJvmsCertificatePathPolicyAlone() {
    provider.query("P9999999");

    // The SDK's client class empties it when it is loaded; the provider puts it back.
    String policy = Security.getProperty(AlipayClientFactory.CERT_PATH_POLICY);
    assertNotNull(policy);
    assertTrue(policy.contains("MD5"), policy);
  }

  private Notification paidNotification(long amountFen) {
    PaymentOrder order = order(amountFen);
    provider.create(order);
    return gateway.pay(order.outTradeNo());
  }

  private long verifiedAmount(Notification changed) throws NotificationRejectedException {
    return provider.verify(gateway.signed(changed).asIncoming()).amountFen();
  }

  private static PaymentOrder order(long amountFen) {
    return new PaymentOrder(
        "P" + ORDER_NUMBERS.incrementAndGet() + "T" + System.nanoTime() % 10_000,
        "数字证书 新办 (1年)",
        amountFen,
        EXPIRES_AT,
        NOTIFY_URL);
  }
}
