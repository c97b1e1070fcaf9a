package cn.cwca.portal.payment.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.payment.IncomingNotification;
import cn.cwca.portal.payment.NotificationAnswer;
import cn.cwca.portal.payment.NotificationRejectedException;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentOrder;
import cn.cwca.portal.payment.PaymentProviderException;
import cn.cwca.portal.payment.ProviderPaymentState;
import cn.cwca.portal.payment.ProviderPaymentState.Status;
import cn.cwca.portal.payment.QrPayment;
import cn.cwca.portal.payment.VerifiedNotification;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi.Delivery;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi.Notification;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi.NotifiedTransaction;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi.RecordedOrder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WechatPayProviderTest {

  private static final OffsetDateTime EXPIRES_AT =
      OffsetDateTime.of(2031, 3, 1, 4, 30, 15, 500_000_000, ZoneOffset.UTC);
  private static final String NOTIFY_URL = "https://portal.example.cn/payment/notify/wechat";

  /** One API for the class (its keys take a while to make): each test has its own orders. */
  private static FakeWechatPayApi api;

  private WechatPayProvider provider;

  @BeforeAll
  static void startTheApi() {
    api = FakeWechatPayApi.start();
  }

  @AfterAll
  static void stopTheApi() {
    api.close();
  }

  @BeforeEach
  void newProvider() {
    provider = new WechatPayProvider(api.settings());
  }

  @AfterEach
  void apiAnswersNormallyAgain() {
    api.answerNormally();
  }

  private static PaymentOrder order(String outTradeNo, long amountFen) {
    return new PaymentOrder(outTradeNo, "数字证书 新办 1年", amountFen, EXPIRES_AT, NOTIFY_URL);
  }

  private RecordedOrder recorded(String outTradeNo) {
    return api.order(outTradeNo).orElseThrow();
  }

  // Creating a payment.

  @Test
  void createReturnsTheCodeUrlTheApiIssued() {
    QrPayment payment = provider.create(order("P20260001", 30000));

    assertEquals(recorded("P20260001").codeUrl(), payment.qrContent());
    assertTrue(payment.qrContent().startsWith("weixin://wxpay/bizpayurl?pr="));
  }

  @Test
  void theApiReceivesTheAmountInFenTheOrderNumberAndTheNotifyUrl() {
    provider.create(order("P20260002", 30000));

    RecordedOrder recorded = recorded("P20260002");
    assertEquals(30000, recorded.amountFen());
    assertEquals("CNY", recorded.currency());
    assertEquals("数字证书 新办 1年", recorded.description());
    assertEquals(NOTIFY_URL, recorded.notifyUrl());
    assertEquals(FakeWechatPayApi.MCH_ID, recorded.mchId());
    assertEquals(FakeWechatPayApi.APP_ID, recorded.appId());
    assertEquals("NOTPAY", recorded.tradeState());
  }

  @Test
  void timeExpireIsSentInChinaStandardTimeToTheSecond() {
    QrPayment payment = provider.create(order("P20260003", 100));

    assertEquals("2031-03-01T12:30:15+08:00", recorded("P20260003").timeExpire());
    assertEquals(EXPIRES_AT.withNano(0), payment.expiresAt());
  }

  @Test
  void anAmountBeyondWhatWechatPayCountsIsRefusedBeforeAnyCall() {
    assertThrows(
        IllegalArgumentException.class,
        () -> provider.create(order("P20260004", Integer.MAX_VALUE + 1L)));
    assertTrue(api.order("P20260004").isEmpty());
  }

  // Asking what became of a payment.

  @Test
  void anOrderNobodyPaidIsNotPaid() {
    provider.create(order("P20260010", 30000));

    ProviderPaymentState state = provider.query("P20260010");

    assertEquals(Status.NOT_PAID, state.status());
    assertEquals("P20260010", state.outTradeNo());
    assertNull(state.transactionId());
    assertEquals(0, state.amountFen());
    assertNull(state.paidAt());
  }

  @Test
  void aPaidOrderIsPaidWithTheTransactionFacts() throws Exception {
    provider.create(order("P20260011", 30000));
    VerifiedNotification paid = provider.verify(api.pay("P20260011").incoming());

    ProviderPaymentState state = provider.query("P20260011");

    assertEquals(Status.PAID, state.status());
    assertEquals(paid.transactionId(), state.transactionId());
    assertEquals(FakeWechatPayApi.MCH_ID, state.merchantId());
    assertEquals(30000, state.amountFen());
    assertEquals(OffsetDateTime.parse(recorded("P20260011").successTime()), state.paidAt());
  }

  @Test
  void aClosedOrderIsClosed() {
    provider.create(order("P20260012", 30000));
    provider.close("P20260012");

    assertEquals(Status.CLOSED, provider.query("P20260012").status());
  }

  @ParameterizedTest
  @CsvSource({
    "USERPAYING, NOT_PAID",
    "REVOKED, CLOSED",
    "PAYERROR, CLOSED",
    "CLOSED, CLOSED",
  })
  void wechatTradeStatesMapToThePortals(String tradeState, Status expected) {
    String outTradeNo = "P20260013" + tradeState;
    provider.create(order(outTradeNo, 30000));
    api.setTradeState(outTradeNo, tradeState);

    assertEquals(expected, provider.query(outTradeNo).status());
  }

  @Test
  void aRefundedPaymentIsRefunded() {
    provider.create(order("P20260014", 30000));
    api.pay("P20260014");
    api.setTradeState("P20260014", "REFUND");

    ProviderPaymentState state = provider.query("P20260014");

    assertEquals(Status.REFUNDED, state.status());
    assertEquals(recorded("P20260014").transactionId(), state.transactionId());
  }

  @Test
  void anOrderTheApiDoesNotKnowIsNotFound() {
    assertEquals(ProviderPaymentState.notFound("P20269999"), provider.query("P20269999"));
  }

  // Closing.

  @Test
  void closeMakesTheOrderClosedAtTheApi() {
    provider.create(order("P20260020", 30000));

    provider.close("P20260020");

    assertEquals("CLOSED", recorded("P20260020").tradeState());
  }

  @Test
  void closingAnUnknownOrderIsNotAnError() {
    provider.close("P20269998");

    assertTrue(api.order("P20269998").isEmpty());
  }

  @Test
  void closingAClosedOrderAgainIsNotAnError() {
    provider.create(order("P20260021", 30000));
    provider.close("P20260021");

    provider.close("P20260021");

    assertEquals("CLOSED", recorded("P20260021").tradeState());
  }

  @Test
  void closingAPaidOrderFails() {
    provider.create(order("P20260022", 30000));
    api.pay("P20260022");

    PaymentProviderException failure =
        assertThrows(PaymentProviderException.class, () -> provider.close("P20260022"));
    assertTrue(failure.getMessage().contains("ORDERPAID"), failure.getMessage());
  }

  // Notifications.

  @Test
  void aPaymentNotificationVerifiesIntoWhatTheApiPaid() throws Exception {
    provider.create(order("P20260030", 30000));
    Notification notification = api.pay("P20260030");

    VerifiedNotification verified = provider.verify(notification.incoming());

    RecordedOrder paid = recorded("P20260030");
    String envelopeId =
        JsonParser.parseString(notification.body()).getAsJsonObject().get("id").getAsString();
    assertEquals(
        new VerifiedNotification(
            envelopeId,
            "P20260030",
            paid.transactionId(),
            FakeWechatPayApi.MCH_ID,
            30000,
            true,
            OffsetDateTime.parse(paid.successTime())),
        verified);
  }

  @Test
  void aNotificationOfAnotherMerchantOrAmountIsReadAsItSays() throws Exception {
    NotifiedTransaction elsewhere =
        NotifiedTransaction.paid("P20260031", 30000).withMchId("1900000999").withAmountFen(1);

    VerifiedNotification verified = provider.verify(api.notificationFor(elsewhere).incoming());

    assertEquals("1900000999", verified.merchantId());
    assertEquals(1, verified.amountFen());
    assertTrue(verified.paid());
  }

  @Test
  void aNotificationOfAnUnpaidStateIsNotAPayment() throws Exception {
    NotifiedTransaction closed =
        new NotifiedTransaction(
            FakeWechatPayApi.MCH_ID,
            FakeWechatPayApi.APP_ID,
            "P20260032",
            null,
            "CLOSED",
            30000,
            null);

    VerifiedNotification verified = provider.verify(api.notificationFor(closed).incoming());

    assertFalse(verified.paid());
    assertNull(verified.paidAt());
  }

  @Test
  void aNotificationWithoutTheSignatureTypeHeaderIsTakenAsRsa() throws Exception {
    Notification notification =
        api.notificationFor(NotifiedTransaction.paid("P20260033", 100))
            .withoutHeader("Wechatpay-Signature-Type");

    assertEquals("P20260033", provider.verify(notification.incoming()).outTradeNo());
  }

  @Test
  void aForgedSignatureIsRejected() {
    Notification forged = api.forgedNotification(NotifiedTransaction.paid("P20260040", 30000));

    assertRejected(forged, "signature does not verify");
  }

  @Test
  void aTamperedCiphertextIsRejected() {
    Notification tampered =
        api.notification(NotifiedTransaction.paid("P20260041", 30000))
            .withTamperedCiphertext()
            .build();

    assertRejected(tampered, "does not decrypt");
  }

  @Test
  void aNotificationEncryptedWithAnotherApiV3KeyIsRejected() {
    Notification otherKey =
        api.notification(NotifiedTransaction.paid("P20260042", 30000))
            .encryptedWithApiV3Key("0123456789abcdefghijABCDEFGHIJ01")
            .build();

    assertRejected(otherKey, "does not decrypt");
  }

  @Test
  void aNotificationFromAnUnknownPlatformCertificateIsRejected() {
    Notification unknown =
        api.notification(NotifiedTransaction.paid("P20260043", 30000))
            .withSerial("5157F09EFDC096DE15EBE81A47057A7232F1B8E1")
            .build();

    assertRejected(unknown, "unknown platform certificate");
  }

  @Test
  void aStaleNotificationIsRejected() {
    Notification stale =
        api.notification(NotifiedTransaction.paid("P20260044", 30000))
            .signedAt(Instant.now().minus(Duration.ofMinutes(10)))
            .build();

    assertRejected(stale, "stale");
  }

  @Test
  void aSignedBodyThatIsNoNotificationIsRejected() {
    assertRejected(api.signedNotification("not json"), "not a WeChat Pay notification");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Wechatpay-Serial",
        "Wechatpay-Nonce",
        "Wechatpay-Signature",
        "Wechatpay-Timestamp"
      })
  void aNotificationWithoutASignatureHeaderIsRejected(String header) {
    Notification incomplete =
        api.notificationFor(NotifiedTransaction.paid("P20260045", 30000)).withoutHeader(header);

    assertRejected(incomplete, "missing header " + header.toLowerCase());
  }

  @Test
  void aRejectionNamesNeitherTheBodyNorTheKey() {
    Notification tampered =
        api.notification(NotifiedTransaction.paid("P20260046", 30000))
            .withTamperedCiphertext()
            .build();

    NotificationRejectedException rejected =
        assertThrows(
            NotificationRejectedException.class, () -> provider.verify(tampered.incoming()));
    for (Throwable t = rejected; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      assertFalse(message.contains(api.apiV3Key()), message);
      assertFalse(message.contains("ciphertext"), message);
    }
  }

  @Test
  void aNotificationDeliveredOverHttpIsVerifiedAndAnsweredAsWechatPayExpects() throws Exception {
    HttpServer portal =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    portal.createContext("/notify/wechat", this::receiveNotification);
    portal.start();
    try {
      URI notifyUrl =
          URI.create("http://127.0.0.1:" + portal.getAddress().getPort() + "/notify/wechat");
      provider.create(order("P20260047", 30000));

      Delivery taken = FakeWechatPayApi.deliver(api.pay("P20260047"), notifyUrl);
      Delivery refused =
          FakeWechatPayApi.deliver(
              api.forgedNotification(NotifiedTransaction.paid("P20260047", 30000)), notifyUrl);

      assertEquals(200, taken.status());
      assertEquals(500, refused.status());
      assertEquals(
          "FAIL",
          JsonParser.parseString(refused.body()).getAsJsonObject().get("code").getAsString());
    } finally {
      portal.stop(0);
    }
  }

  /** What the portal's notification endpoint does, in short. */
  private void receiveNotification(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    NotificationAnswer answer;
    try {
      provider.verify(new IncomingNotification(headers, body, Map.of()));
      answer = provider.accepted();
    } catch (NotificationRejectedException e) {
      answer = provider.refused(e.getMessage());
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    exchange.close();
  }

  private void assertRejected(Notification notification, String reason) {
    NotificationRejectedException rejected =
        assertThrows(
            NotificationRejectedException.class, () -> provider.verify(notification.incoming()));
    assertTrue(rejected.getMessage().contains(reason), rejected.getMessage());
  }

  // The answers to notifications.

  @Test
  void anAcceptedNotificationIsAnswered200() {
    assertEquals(200, provider.accepted().status());
  }

  @Test
  void aRefusedNotificationIsAnswered500WithTheReasonInJson() {
    NotificationAnswer answer = provider.refused("amount \"1\" is not 30000\n");

    assertEquals(500, answer.status());
    assertTrue(answer.contentType().startsWith("application/json"));
    JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
    assertEquals("FAIL", body.get("code").getAsString());
    assertEquals("amount \"1\" is not 30000\n", body.get("message").getAsString());
  }

  // Failures of the API.

  @Test
  void anApiAnswering500FailsEveryCall() {
    provider.create(order("P20260050", 30000));
    api.failWith(500);

    assertThrows(PaymentProviderException.class, () -> provider.create(order("P20260051", 1)));
    assertThrows(PaymentProviderException.class, () -> provider.query("P20260050"));
    assertThrows(PaymentProviderException.class, () -> provider.close("P20260050"));
  }

  @Test
  void anUnreachableApiFailsTheCall() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    WechatPaySettings unreachable = withBaseUrl(api.settings(), "http://127.0.0.1:" + freePort);

    PaymentProviderException failure =
        assertThrows(
            PaymentProviderException.class,
            () -> new WechatPayProvider(unreachable).query("P20260052"));
    assertTrue(failure.getMessage().contains("cannot be reached"), failure.getMessage());
  }

  @Test
  void answersNotSignedByThePlatformAreNotBelieved() {
    provider.create(order("P20260053", 30000));
    api.signAnswersWithForeignKey();

    PaymentProviderException failure =
        assertThrows(PaymentProviderException.class, () -> provider.query("P20260053"));
    assertTrue(failure.getMessage().contains("not signed"), failure.getMessage());
  }

  @Test
  void aFailureNamesNeitherTheKeyNorTheAuthorization() {
    api.failWith(503);

    PaymentProviderException failure =
        assertThrows(PaymentProviderException.class, () -> provider.query("P20260054"));

    assertTrue(failure.getMessage().contains("503"), failure.getMessage());
    assertFalse(failure.getMessage().contains("WECHATPAY2"), failure.getMessage());
    assertFalse(failure.getMessage().contains(api.apiV3Key()), failure.getMessage());
  }

  @Test
  void aMerchantRequestSignedWithAnotherKeyIsRefusedByTheApi() {
    try (FakeWechatPayApi other = FakeWechatPayApi.start()) {
      WechatPaySettings wrongKey = withBaseUrl(other.settings(), api.baseUri().toString());

      PaymentProviderException failure =
          assertThrows(
              PaymentProviderException.class,
              () -> new WechatPayProvider(wrongKey).create(order("P20260055", 1)));
      assertTrue(failure.getMessage().contains("SIGN_ERROR"), failure.getMessage());
    }
  }

  // Settings.

  @Test
  void theProviderIsWechatsAndItsMerchantIsTheConfiguredOne() {
    assertEquals(PaymentChannel.WECHAT, provider.channel());
    assertEquals(FakeWechatPayApi.MCH_ID, provider.merchantId());
    assertTrue(provider.isConfigured());
  }

  @Test
  void settingsWithoutTheApiV3KeyAreNotComplete() {
    WechatPaySettings s = api.settings();
    WechatPaySettings withoutKey =
        new WechatPaySettings(
            s.mchId(),
            s.appId(),
            s.merchantSerialNumber(),
            s.merchantPrivateKeyPem(),
            null,
            s.platformCertificatePems(),
            s.apiBaseUrl());

    assertFalse(withoutKey.isComplete());
    assertFalse(new WechatPayProvider(withoutKey).isConfigured());
    assertThrows(
        PaymentProviderException.class, () -> new WechatPayProvider(withoutKey).query("P20260060"));
  }

  @Test
  void settingsWithoutACertificateAreNotComplete() {
    WechatPaySettings s = api.settings();

    assertFalse(
        new WechatPaySettings(
                s.mchId(),
                s.appId(),
                s.merchantSerialNumber(),
                s.merchantPrivateKeyPem(),
                s.apiV3Key(),
                List.of(),
                s.apiBaseUrl())
            .isComplete());
  }

  @Test
  void theSettingsShowNeitherThePrivateKeyNorTheApiV3Key() {
    WechatPaySettings settings = api.settings();
    String shown = settings.toString();

    assertFalse(shown.contains(settings.apiV3Key()), shown);
    assertFalse(shown.contains("PRIVATE KEY"), shown);
    assertFalse(shown.contains(settings.merchantPrivateKeyPem().lines().skip(1).findFirst().get()));
    assertTrue(shown.contains(FakeWechatPayApi.MCH_ID), shown);
  }

  @Test
  void theBaseUrlDefaultsToWechatPay() {
    WechatPaySettings s = api.settings();

    assertEquals(
        "https://api.mch.weixin.qq.com",
        new WechatPaySettings(
                s.mchId(),
                s.appId(),
                s.merchantSerialNumber(),
                s.merchantPrivateKeyPem(),
                s.apiV3Key(),
                s.platformCertificatePems(),
                " ")
            .apiBaseUrl());
  }

  @Test
  void theConfiguredSettingsAreReadFromTheNamedFiles(@TempDir Path dir) throws IOException {
    WechatPaySettings s = api.settings();
    Path key = Files.writeString(dir.resolve("apiclient_key.pem"), s.merchantPrivateKeyPem());
    try (FakeWechatPayApi rotated = FakeWechatPayApi.start()) {
      // While WeChat Pay rotates its certificate the file holds the old and the new one.
      Path certificates =
          Files.writeString(
              dir.resolve("wechatpay_platform.pem"),
              "old one\n"
                  + rotated.platformCertificatePem()
                  + "\nnew one\n"
                  + api.platformCertificatePem());
      List<String> names =
          List.of(
              WechatPaySettings.MCH_ID,
              WechatPaySettings.APP_ID,
              WechatPaySettings.MERCHANT_SERIAL_NUMBER,
              WechatPaySettings.MERCHANT_PRIVATE_KEY_FILE,
              WechatPaySettings.PLATFORM_CERTIFICATE_FILE,
              WechatPaySettings.API_BASE_URL,
              WechatPaySettings.API_V3_KEY);
      List<String> values =
          List.of(
              s.mchId(),
              s.appId(),
              s.merchantSerialNumber(),
              key.toString(),
              certificates.toString(),
              s.apiBaseUrl(),
              s.apiV3Key());
      try {
        for (int i = 0; i < names.size(); i++) {
          System.setProperty(names.get(i), values.get(i));
        }

        WechatPaySettings configured = WechatPaySettings.configured();

        assertEquals(
            List.of(rotated.platformCertificatePem().strip(), api.platformCertificatePem().strip()),
            configured.platformCertificatePems().stream().map(String::strip).toList());
        assertEquals(s.merchantPrivateKeyPem(), configured.merchantPrivateKeyPem());
        assertTrue(configured.isComplete());
        provider = new WechatPayProvider();
        provider.create(order("P20260061", 100));
        assertEquals(100, recorded("P20260061").amountFen());
      } finally {
        names.forEach(System::clearProperty);
      }
    }
  }

  @Test
  void anUnreadablePrivateKeyFileLeavesWechatPayOff(@TempDir Path dir) {
    String name = WechatPaySettings.MERCHANT_PRIVATE_KEY_FILE;
    try {
      System.setProperty(name, dir.resolve("missing.pem").toString());

      assertNull(WechatPaySettings.configured().merchantPrivateKeyPem());
    } finally {
      System.clearProperty(name);
    }
  }

  @Test
  void aChangedSettingTakesEffectOnTheNextCall() {
    try (FakeWechatPayApi other = FakeWechatPayApi.start()) {
      AtomicReference<WechatPaySettings> settings = new AtomicReference<>(api.settings());
      WechatPayProvider changing = new WechatPayProvider(settings::get);
      changing.create(order("P20260062", 100));

      settings.set(other.settings());
      changing.create(order("P20260063", 200));

      assertTrue(api.order("P20260063").isEmpty());
      assertEquals(200, other.order("P20260063").orElseThrow().amountFen());
    }
  }

  @Test
  void anApiV3KeyOfTheWrongLengthFailsOnUse() {
    WechatPaySettings s = api.settings();
    WechatPaySettings shortKey =
        new WechatPaySettings(
            s.mchId(),
            s.appId(),
            s.merchantSerialNumber(),
            s.merchantPrivateKeyPem(),
            "too short",
            s.platformCertificatePems(),
            s.apiBaseUrl());

    PaymentProviderException failure =
        assertThrows(
            PaymentProviderException.class,
            () -> new WechatPayProvider(shortKey).query("P20260064"));
    assertFalse(failure.getMessage().contains("too short"), failure.getMessage());
  }

  private static WechatPaySettings withBaseUrl(WechatPaySettings s, String baseUrl) {
    return new WechatPaySettings(
        s.mchId(),
        s.appId(),
        s.merchantSerialNumber(),
        s.merchantPrivateKeyPem(),
        s.apiV3Key(),
        s.platformCertificatePems(),
        baseUrl);
  }
}
