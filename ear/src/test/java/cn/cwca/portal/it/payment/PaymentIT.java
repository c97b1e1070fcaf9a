package cn.cwca.portal.it.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.application.SampleDocuments;
import cn.cwca.portal.it.application.SubmittedOrders;
import cn.cwca.portal.payment.NotificationAnswer;
import cn.cwca.portal.payment.NotificationRecord.Outcome;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentNotifications;
import cn.cwca.portal.payment.PaymentReconciliation;
import cn.cwca.portal.payment.PaymentService;
import cn.cwca.portal.payment.PaymentView;
import cn.cwca.portal.payment.StaffPaymentRow;
import cn.cwca.portal.payment.alipay.FakeAlipayGateway;
import cn.cwca.portal.payment.sandbox.SandboxGateway;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi;
import cn.cwca.portal.payment.wechat.FakeWechatPayApi.NotifiedTransaction;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paying orders through the real services and PostgreSQL, against local fakes of WeChat Pay's and
 * Alipay's HTTP APIs that sign like the providers (their keys made in the test): good notifications
 * (also over HTTP, through the deployed portal's notification path), forged ones, wrong amounts and
 * merchants, replays and a duplicate storm, notifications for cancelled orders, reconciliation of a
 * missed notification and of an expired payment, the sandbox, 对公转账 and the refund queue. Called as
 * {@link PayingApplicantMechanism#LOGIN_NAME}, an applicant on the finance staff.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.91");
  private static final String ME = PayingApplicantMechanism.LOGIN_NAME;

  /** The portal the build deployed, which shares this JVM's settings and the database. */
  private static final String PORTAL = "http://localhost:8080/portal/";

  /** The providers' fakes, one each for the server's JVM (their keys take a while to make). */
  private static FakeWechatPayApi wechat;

  private static FakeAlipayGateway alipay;

  private static final Map<String, String> SETTINGS = new java.util.HashMap<>();

  private static final String REJECTED =
      "select count(*) from payment_notification where outcome = 'REJECTED'"
          + " and channel = 'WECHAT' and reason is not null";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        war -> war.addClasses(FakeWechatPayApi.class, FakeAlipayGateway.class),
        PaymentIT.class,
        PayingApplicantMechanism.class,
        SubmittedOrders.class,
        SampleDocuments.class,
        TestIdentities.class);
  }

  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB AccountService accounts;
  @EJB PaymentService payments;
  @EJB PaymentNotifications notifications;
  @EJB PaymentReconciliation reconciliation;
  @EJB SandboxGateway sandbox;
  @EJB AuditLog audit;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @Resource ManagedExecutorService executor;

  @EJB InvoiceService invoices;

  private SubmittedOrders orders;

  /** The providers point at their fakes for this test, as a server's settings would. */
  @BeforeEach
  void providersPointAtTheirFakesAndTheCallerHasAnAccount() throws IOException {
    synchronized (PaymentIT.class) {
      if (wechat == null) {
        wechat = FakeWechatPayApi.start();
        alipay = new FakeAlipayGateway();
      }
    }
    Path dir = Files.createTempDirectory("payment-it");
    Path merchantKey =
        Files.writeString(
            dir.resolve("apiclient_key.pem"), wechat.settings().merchantPrivateKeyPem());
    Path platform =
        Files.writeString(dir.resolve("wechatpay.pem"), wechat.platformCertificatePem());
    Path alipayKey =
        Files.writeString(dir.resolve("alipay.pub"), FakeAlipayGateway.alipayPublicKeyBase64());
    SETTINGS.put("caportal.payment.wechat.mchId", FakeWechatPayApi.MCH_ID);
    SETTINGS.put("caportal.payment.wechat.appId", FakeWechatPayApi.APP_ID);
    SETTINGS.put(
        "caportal.payment.wechat.merchantSerialNumber", wechat.settings().merchantSerialNumber());
    SETTINGS.put("caportal.payment.wechat.merchantPrivateKeyFile", merchantKey.toString());
    SETTINGS.put("caportal.payment.wechat.platformCertificateFile", platform.toString());
    SETTINGS.put("caportal.payment.wechat.apiBaseUrl", wechat.baseUri().toString());
    SETTINGS.put("caportal-wechat-apiv3-key", wechat.apiV3Key());
    SETTINGS.put("caportal.payment.alipay.appId", FakeAlipayGateway.APP_ID);
    SETTINGS.put("caportal.payment.alipay.sellerId", FakeAlipayGateway.SELLER_ID);
    SETTINGS.put("caportal.payment.alipay.alipayPublicKeyFile", alipayKey.toString());
    SETTINGS.put("caportal.payment.alipay.gatewayUrl", alipay.gatewayUrl());
    SETTINGS.put("caportal-alipay-app-private-key", FakeAlipayGateway.appPrivateKeyBase64());
    SETTINGS.forEach(System::setProperty);
    wechat.answerNormally();
    alipay.failWithServerError(false);
    if (accounts.find(ME).isEmpty()) {
      accounts.registerPerson(TestIdentities.person(accounts, "付款测试人", ME), CLIENT);
    }
    orders = new SubmittedOrders(applications, documents, CLIENT, invoices);
  }

  /** The next test class finds no provider configured, as a server without these settings. */
  @AfterEach
  void providersAreUnconfiguredAgain() {
    SETTINGS.keySet().forEach(System::clearProperty);
  }

  // --- WeChat Pay -------------------------------------------------------------------------------

  @Test
  void aWechatNotificationOverHttpPaysTheOrderOnceAndIsAcknowledged() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);
    var recorded = wechat.order(qr.outTradeNo()).orElseThrow();
    assertEquals(30000, recorded.amountFen(), "300 yuan, the price the order was submitted at");
    assertEquals(PORTAL + "payment/notify/wechat", recorded.notifyUrl());
    assertTrue(qr.qrContent().startsWith("weixin://wxpay/bizpayurl?pr="), qr.qrContent());

    var delivery =
        FakeWechatPayApi.deliver(
            wechat.pay(qr.outTradeNo()), URI.create(PORTAL + "payment/notify/wechat"));

    assertEquals(200, delivery.status(), delivery.body());
    assertEquals(OrderStatus.AWAITING_REVIEW, status(id));
    assertTrue(payments.isPaid(id));
    assertEquals(List.of("APPLIED"), outcomes(qr.outTradeNo()));
    AuditEntry paid = stepAudit(id, "order.pay");
    assertTrue(paid.getDetails().contains("payment=" + qr.outTradeNo()), paid.getDetails());
    assertTrue(paid.getDetails().contains("confirmedBy=notification"), paid.getDetails());
  }

  @Test
  void aForgedOrTamperedWechatNotificationIsRefusedAndChangesNothing() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);
    NotifiedTransaction paid = NotifiedTransaction.paid(qr.outTradeNo(), 30000);
    long rejectedBefore = count(REJECTED);

    NotificationAnswer forged =
        notifications.receive(
            PaymentChannel.WECHAT, wechat.forgedNotification(paid).incoming(), CLIENT);
    NotificationAnswer tampered =
        notifications.receive(
            PaymentChannel.WECHAT,
            wechat.notification(paid).withTamperedCiphertext().build().incoming(),
            CLIENT);

    assertEquals(500, forged.status());
    assertEquals(500, tampered.status());
    assertEquals(OrderStatus.AWAITING_PAYMENT, status(id));
    assertEquals(rejectedBefore + 2, count(REJECTED), "each refusal is logged with its reason");
  }

  @Test
  void aWechatNotificationOfAnotherAmountGoesToTheRefundQueue() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);

    NotificationAnswer answer =
        notifications.receive(
            PaymentChannel.WECHAT,
            wechat.notificationFor(NotifiedTransaction.paid(qr.outTradeNo(), 1)).incoming(),
            CLIENT);

    assertEquals(200, answer.status(), "taken, so that WeChat stops sending it");
    assertEquals(OrderStatus.AWAITING_PAYMENT, status(id));
    assertEquals(List.of("WRONG_AMOUNT"), outcomes(qr.outTradeNo()));
    StaffPaymentRow queued = refundRow(qr.outTradeNo());
    assertEquals(0, new java.math.BigDecimal("0.01").compareTo(queued.paidAmount()));
    assertTrue(
        audit.forTarget("application:" + id).stream()
            .anyMatch(e -> e.getAction().equals("payment.refundPending")));
  }

  @Test
  void aWechatNotificationForAnotherMerchantChangesNothing() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);

    notifications.receive(
        PaymentChannel.WECHAT,
        wechat
            .notificationFor(
                NotifiedTransaction.paid(qr.outTradeNo(), 30000).withMchId("1230000109"))
            .incoming(),
        CLIENT);

    assertEquals(OrderStatus.AWAITING_PAYMENT, status(id));
    assertEquals(List.of("WRONG_MERCHANT"), outcomes(qr.outTradeNo()));
  }

  @Test
  void aDuplicateStormAndALateReplayPayTheOrderExactlyOnce() throws Exception {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);
    var notification = wechat.pay(qr.outTradeNo());

    List<Future<NotificationAnswer>> storm = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Callable<NotificationAnswer> deliver =
          () -> notifications.receive(PaymentChannel.WECHAT, notification.incoming(), CLIENT);
      storm.add(executor.submit(deliver));
    }
    for (Future<NotificationAnswer> answer : storm) {
      assertEquals(200, answer.get().status());
    }
    notifications.receive(PaymentChannel.WECHAT, notification.incoming(), CLIENT); // replayed later

    Map<String, Long> outcomes =
        outcomes(qr.outTradeNo()).stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(Map.of("APPLIED", 1L, "DUPLICATE", 20L), outcomes);
    assertEquals(OrderStatus.AWAITING_REVIEW, status(id));
    assertEquals(
        1,
        audit.forTarget("application:" + id).stream()
            .filter(e -> e.getAction().equals("order.pay"))
            .count());
  }

  @Test
  void cancellingClosesTheProvidersPaymentAndMoneyThatStillArrivesIsKeptForRefund()
      throws Exception {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);

    applications.cancel(id, CLIENT);

    assertEquals("CLOSED", wechat.order(qr.outTradeNo()).orElseThrow().tradeState());
    assertEquals("CLOSED", paymentState(qr.outTradeNo()));
    // the payer's app had the code open: the money arrives after all
    notifications.receive(
        PaymentChannel.WECHAT,
        wechat.notificationFor(NotifiedTransaction.paid(qr.outTradeNo(), 30000)).incoming(),
        CLIENT);
    assertEquals(OrderStatus.CANCELLED, status(id));
    assertEquals(List.of("ORDER_CANCELLED"), outcomes(qr.outTradeNo()));
    assertEquals("REFUND_PENDING", paymentState(qr.outTradeNo()));

    payments.markRefunded(qr.outTradeNo(), "原路退回", CLIENT);
    assertEquals("REFUNDED", paymentState(qr.outTradeNo()));
    assertTrue(
        audit.forTarget("application:" + id).stream()
            .anyMatch(e -> e.getAction().equals("payment.refunded") && e.getActor().equals(ME)));
    BusinessException twice =
        assertThrows(
            BusinessException.class, () -> payments.markRefunded(qr.outTradeNo(), null, CLIENT));
    assertEquals("payment.refund.notPending", twice.messageKey());
  }

  @Test
  void reconciliationSettlesAPaymentWhoseNotificationNeverCame() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);
    wechat.pay(qr.outTradeNo()); // paid at WeChat; the notification is lost
    ageBy(qr.outTradeNo(), 120, 0);

    runReconciliation();

    assertEquals(OrderStatus.AWAITING_REVIEW, status(id));
    assertEquals("reconciliation", confirmedBy(qr.outTradeNo()));
  }

  @Test
  void reconciliationClosesAnExpiredUnpaidPaymentAtTheProviderAndHere() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);
    ageBy(qr.outTradeNo(), 3600, 3600);

    runReconciliation();

    assertEquals("CLOSED", paymentState(qr.outTradeNo()));
    assertEquals("CLOSED", wechat.order(qr.outTradeNo()).orElseThrow().tradeState());
    assertEquals(OrderStatus.AWAITING_PAYMENT, status(id), "the order may still be paid anew");
  }

  @Test
  void anExpiredCodeIsRenewedAndAnOpenOneShownAgain() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView first = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);
    assertEquals(
        first.outTradeNo(), payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT).outTradeNo());

    ageBy(first.outTradeNo(), 3600, 3600);
    PaymentView renewed = payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT);

    assertNotEquals(first.outTradeNo(), renewed.outTradeNo());
    assertEquals("CLOSED", paymentState(first.outTradeNo()));
  }

  @Test
  void aProviderThatCannotBeReachedLeavesNoPaymentBehind() throws SQLException {
    String id = orders.awaitingPayment();
    wechat.failWith(500);

    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> payments.start(id, PaymentChannel.WECHAT, PORTAL, CLIENT));

    assertEquals("payment.providerUnavailable", e.messageKey());
    assertEquals(
        0,
        count(
            "select count(*) from payment p join certificate_application a"
                + " on a.id = p.application_id where a.public_id = '"
                + id
                + "'"));
  }

  // --- Alipay ----------------------------------------------------------------------------------

  @Test
  void anAlipayNotificationOverHttpPaysTheOrderAndAForgedOneDoesNot() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.ALIPAY, PORTAL, CLIENT);
    assertTrue(qr.qrContent().startsWith("https://qr.alipay.com/"), qr.qrContent());
    var paid = alipay.pay(qr.outTradeNo());

    var forged =
        alipay.deliver(
            alipay.forgedNotification(paid.parameters()),
            URI.create(PORTAL + "payment/notify/alipay"));
    assertEquals("fail", forged.body());
    assertEquals(OrderStatus.AWAITING_PAYMENT, status(id));

    var delivery = alipay.deliver(paid, URI.create(PORTAL + "payment/notify/alipay"));
    assertEquals("success", delivery.body());
    assertEquals(OrderStatus.AWAITING_REVIEW, status(id));
    assertEquals(List.of("APPLIED"), outcomes(qr.outTradeNo()));
  }

  @Test
  void anAlipayNotificationForAnotherSellerChangesNothing() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.ALIPAY, PORTAL, CLIENT);
    var paid = alipay.pay(qr.outTradeNo());

    notifications.receive(
        PaymentChannel.ALIPAY,
        alipay.signed(paid.with("seller_id", "2088999999999999")).asIncoming(),
        CLIENT);

    assertEquals(OrderStatus.AWAITING_PAYMENT, status(id));
    assertEquals(List.of("WRONG_MERCHANT"), outcomes(qr.outTradeNo()));
  }

  @Test
  void reconciliationAsksAlipayAboutAMissedNotification() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.ALIPAY, PORTAL, CLIENT);
    alipay.pay(qr.outTradeNo());
    ageBy(qr.outTradeNo(), 120, 0);

    runReconciliation();

    assertEquals(OrderStatus.AWAITING_REVIEW, status(id));
    assertEquals("reconciliation", confirmedBy(qr.outTradeNo()));
  }

  // --- the sandbox, 对公转账, free orders, ownership ---------------------------------------------

  @Test
  void theSandboxPaysThroughTheSignedNotificationPath() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView qr = payments.start(id, PaymentChannel.SANDBOX, PORTAL, CLIENT);
    assertEquals(PORTAL + "payment/sandbox.xhtml?trade=" + qr.outTradeNo(), qr.qrContent());
    assertTrue(qr.isSandbox());

    sandbox.pay(qr.outTradeNo(), URI.create(PORTAL + "payment/notify/sandbox"));

    assertEquals(OrderStatus.AWAITING_REVIEW, status(id));
    assertEquals(List.of("APPLIED"), outcomes(qr.outTradeNo()));
  }

  @Test
  void aBankTransferIsPaidWhenTheFinanceStaffConfirmItOnce() throws SQLException {
    String id = orders.awaitingPayment();
    PaymentView transfer = payments.start(id, PaymentChannel.BANK_TRANSFER, PORTAL, CLIENT);
    assertEquals("6222020200001234567", transfer.bankAccount().accountNumber());
    assertTrue(
        payments.openTransfers().stream()
            .anyMatch(r -> r.outTradeNo().equals(transfer.outTradeNo())));

    assertEquals(Outcome.APPLIED, payments.confirmTransfer(transfer.outTradeNo(), CLIENT));
    assertEquals(Outcome.DUPLICATE, payments.confirmTransfer(transfer.outTradeNo(), CLIENT));

    assertEquals(OrderStatus.AWAITING_REVIEW, status(id));
    assertEquals(ME, confirmedBy(transfer.outTradeNo()));
  }

  @Test
  void aFreeOrderIsNeverPaidAndAnotherApplicantsOrderIsUnknown() throws SQLException {
    handEverythingToSomeoneElse();
    String free = orders.free();
    BusinessException notPayable =
        assertThrows(
            BusinessException.class,
            () -> payments.start(free, PaymentChannel.SANDBOX, PORTAL, CLIENT));
    assertEquals("order.stepRefused", notPayable.messageKey());
    assertTrue(payments.isPaid(free));

    String someoneElses = orders.awaitingPayment();
    handOver(someoneElses, TestIdentities.residentId());
    BusinessException unknown =
        assertThrows(
            BusinessException.class,
            () -> payments.start(someoneElses, PaymentChannel.SANDBOX, PORTAL, CLIENT));
    assertEquals("application.notFound", unknown.messageKey());
    assertThrows(BusinessException.class, () -> payments.summary(someoneElses));
  }

  // ---------------------------------------------------------------------------------------------

  /** Runs the reconciliation, waiting while a scheduled run of another application holds it. */
  private void runReconciliation() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (reconciliation.run() < 0) {
      assertTrue(System.nanoTime() < deadline, "the reconciliation's lock was never free");
      Thread.onSpinWait();
    }
  }

  private OrderStatus status(String publicId) {
    return applications.findMine(publicId).orElseThrow().getStatus();
  }

  private AuditEntry stepAudit(String publicId, String action) {
    return audit.forTarget("application:" + publicId).stream()
        .filter(e -> e.getAction().equals(action))
        .findFirst()
        .orElseThrow();
  }

  private StaffPaymentRow refundRow(String outTradeNo) {
    return payments.refundQueue().stream()
        .filter(r -> r.outTradeNo().equals(outTradeNo))
        .findFirst()
        .orElseThrow();
  }

  private List<String> outcomes(String outTradeNo) throws SQLException {
    return strings(
        "select outcome from payment_notification where out_trade_no = ? order by id", outTradeNo);
  }

  private String paymentState(String outTradeNo) throws SQLException {
    return strings("select status from payment where out_trade_no = ?", outTradeNo).get(0);
  }

  private String confirmedBy(String outTradeNo) throws SQLException {
    return strings("select confirmed_by from payment where out_trade_no = ?", outTradeNo).get(0);
  }

  /** Moves a payment's creation and expiry into the past, as if that much time had gone by. */
  private void ageBy(String outTradeNo, int createdSecondsAgo, int expiredSecondsAgo)
      throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "update payment set created_at = created_at - make_interval(secs => ?),"
                    + " expires_at = case when ? > 0 then now() at time zone 'UTC'"
                    + " - make_interval(secs => ?) else expires_at end where out_trade_no = ?")) {
      p.setInt(1, createdSecondsAgo);
      p.setInt(2, expiredSecondsAgo);
      p.setInt(3, expiredSecondsAgo);
      p.setString(4, outTradeNo);
      assertEquals(1, p.executeUpdate());
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> strings(String sql, String parameter) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, parameter);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  /** Earlier orders go to another applicant, so that the free first key is the caller's again. */
  private void handEverythingToSomeoneElse() throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ?"
                    + " where owner_login_name = ? and status <> 'DRAFT'")) {
      p.setString(1, TestIdentities.residentId());
      p.setString(2, ME);
      p.executeUpdate();
    }
  }

  private void handOver(String publicId, String newOwner) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ? where public_id = ?")) {
      p.setString(1, newOwner);
      p.setString(2, publicId);
      assertEquals(1, p.executeUpdate());
    }
  }
}
