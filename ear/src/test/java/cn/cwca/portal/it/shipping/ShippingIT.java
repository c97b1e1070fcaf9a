package cn.cwca.portal.it.shipping;

import static cn.cwca.portal.it.shipping.ShippingCallerMechanism.APPLICANT_OPERATOR;
import static cn.cwca.portal.it.shipping.ShippingCallerMechanism.OTHER_APPLICANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Page;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.application.SampleDocuments;
import cn.cwca.portal.it.application.SubmittedOrders;
import cn.cwca.portal.progress.ProgressPage;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import cn.cwca.portal.shipping.AutoCompletion;
import cn.cwca.portal.shipping.CounterOrder;
import cn.cwca.portal.shipping.ShippableOrder;
import cn.cwca.portal.shipping.ShippedOrder;
import cn.cwca.portal.shipping.ShippingAutoCompletion;
import cn.cwca.portal.shipping.ShippingService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.Serializable;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery of the key through the real services and PostgreSQL: 邮寄 (待发货, 发货 with a checked waybill
 * used once, 进度查询's courier data, 重新发货 keeping the lost waybill, 签收 by the owner only, the
 * auto-completion of a key not signed for), 自取 (待领取, the counter's search and the hand-over only to
 * the 取证人 on the ID card, a refusal audited and changing nothing), the audit trail of every step,
 * the applicant's SMS in the outbox, and who may do what. Each test starts as {@link
 * ShippingCallerMechanism#APPLICANT_OPERATOR}, an applicant who is an operator too, and switches to
 * another applicant where it says so ({@link #as}); every test makes its own orders through the
 * real wizard, and takes the steps between submission and delivery (payment, 审核通过, 制证) as their
 * services would, on the locked order.
 */
@ExtendWith(ArquillianExtension.class)
class ShippingIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.71");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Who takes the steps before delivery in these tests (review, 制证). */
  private static final String STAFF = "it-staff";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        ShippingIT.class,
        ShippingCallerMechanism.class,
        cn.cwca.portal.it.SwitchingCallers.class,
        SubmittedOrders.class,
        SampleDocuments.class,
        TestIdentities.class);
  }

  @EJB ShippingService shipping;
  @EJB ShippingAutoCompletion autoCompletion;
  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB InvoiceService invoices;
  @EJB ProgressService progress;
  @EJB AccountService accounts;
  @EJB AuditLog audit;
  @EJB Orders orders;
  @EJB OrderSteps steps;

  @Inject UserTransaction tx;
  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  private SubmittedOrders submitted;

  /** Both applicants have an account; the caller has no open draft; 15 days to sign. */
  @BeforeEach
  void applicantsHaveAccountsAndNoDraft() {
    for (String applicant : List.of(APPLICANT_OPERATOR, OTHER_APPLICANT)) {
      if (accounts.find(applicant).isEmpty()) {
        accounts.registerPerson(TestIdentities.person(accounts, "发货测试人", applicant), CLIENT);
      }
    }
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    System.clearProperty(AutoCompletion.DAYS_SETTING);
    submitted = new SubmittedOrders(applications, documents, CLIENT, invoices);
  }

  // --- 邮寄-收方付
  // -------------------------------------------------------------------------------------

  @Test
  void aMadeCourierOrderIsShippedWithACheckedWaybillAndSignedForByItsApplicant()
      throws SQLException {
    String id = courierOrderMade();

    ShippableOrder row = find(shipping::toShip, ShippableOrder::publicId, id).orElseThrow();
    assertEquals("李收货", row.recipientName());
    assertEquals("山东省聊城市东昌府区示例路1号", row.recipientAddress());
    assertEquals("宁夏银川办理点", row.handlingPointName(), "a further key ships from 银川");
    assertEquals("发货测试人", row.applicantName());
    assertTrue(row.recipientMobile().matches("1\\d{10}"), row.recipientMobile());

    assertEquals("validation.waybill", refusal(() -> shipping.ship(id, "SF123", CLIENT)));
    assertEquals("validation.required", refusal(() -> shipping.ship(id, " ", CLIENT)));
    assertEquals(OrderStatus.CERTIFICATE_MADE, status(id), "a refused waybill changes nothing");
    assertEquals(
        "order.stepRefused",
        refusal(() -> shipping.readyForPickup(id, CLIENT)),
        "a 邮寄 key is not put out at the counter");

    String waybill = sfWaybill();
    ShippedOrder shipped = shipping.ship(id, " " + waybill.toLowerCase() + " ", CLIENT);

    assertEquals(waybill, shipped.waybillNumber(), "stored trimmed and upper-cased");
    assertEquals("顺丰速运", shipped.courierCompany());
    assertEquals(APPLICANT_OPERATOR, shipped.shippedBy());
    assertEquals(0, shipped.reshipments());
    assertEquals(OrderStatus.SHIPPED, status(id));
    assertTrue(find(shipping::toShip, ShippableOrder::publicId, id).isEmpty(), "no longer 待发货");
    assertEquals(
        waybill, find(shipping::shipped, ShippedOrder::publicId, id).orElseThrow().waybillNumber());

    ProgressRow mine = progressRow(id);
    assertEquals("顺丰速运", mine.courierCompany());
    assertEquals(waybill, mine.waybillNumber());
    assertEquals(
        "https://www.sf-express.com/chn/sc/waybill/waybill-detail/" + waybill, mine.trackingUrl());
    assertTrue(mine.signable());
    assertEquals(ReviewStatus.APPROVED, mine.reviewStatus());

    AuditEntry ship = only(id, "order.ship");
    assertEquals(APPLICANT_OPERATOR, ship.getActor());
    assertTrue(ship.getDetails().contains("from=CERTIFICATE_MADE, to=SHIPPED"), ship.getDetails());
    assertTrue(ship.getDetails().contains("waybill=" + waybill), ship.getDetails());
    assertTrue(
        awaitSms(id, "运单号：" + waybill).isPresent(), "the applicant is told the waybill by SMS");

    assertEquals("order.stepRefused", refusal(() -> shipping.ship(id, sfWaybill(), CLIENT)));
    String another = courierOrderMade();
    assertEquals(
        "shipping.waybillUsed",
        refusal(() -> shipping.ship(another, waybill, CLIENT)),
        "a waybill another order has");
    assertEquals(OrderStatus.CERTIFICATE_MADE, status(another));

    as(OTHER_APPLICANT);
    assertEquals(
        "application.notFound",
        refusal(() -> shipping.sign(id, CLIENT)),
        "another applicant's order is unknown");
    as(APPLICANT_OPERATOR);
    assertEquals(OrderStatus.SHIPPED, status(id));

    shipping.sign(id, CLIENT);

    assertEquals(OrderStatus.COMPLETED, status(id));
    assertNotNull(orders.submitted(id).orElseThrow().getCompletedAt());
    ProgressRow completed = progressRow(id);
    assertEquals(ReviewStatus.COMPLETED, completed.reviewStatus());
    assertFalse(completed.signable());
    assertEquals(waybill, completed.waybillNumber(), "the waybill stays in 快递信息");
    AuditEntry sign = only(id, "order.sign");
    assertEquals(APPLICANT_OPERATOR, sign.getActor());
    assertTrue(sign.getDetails().contains("from=SHIPPED, to=COMPLETED"), sign.getDetails());
    assertTrue(awaitSms(id, "您已签收").isPresent(), "the applicant is told it is completed");
    assertEquals("order.stepRefused", refusal(() -> shipping.sign(id, CLIENT)));
  }

  @Test
  void aLostParcelIsShippedAgainAndTheLostWaybillIsKeptSuperseded() throws SQLException {
    String id = courierOrderMade();
    String lost = sfWaybill();
    shipping.ship(id, lost, CLIENT);
    String again = twelveDigitWaybill();

    assertEquals("validation.required", refusal(() -> shipping.reship(id, again, "  ", CLIENT)));
    assertEquals(
        "shipping.waybillUsed",
        refusal(() -> shipping.reship(id, lost, "快递丢失", CLIENT)),
        "the lost waybill is not used again");

    ShippedOrder reshipped = shipping.reship(id, again, " 快递丢失 ", CLIENT);

    assertEquals(again, reshipped.waybillNumber());
    assertEquals(1, reshipped.reshipments());
    assertEquals(OrderStatus.SHIPPED, status(id));
    assertEquals(again, progressRow(id).waybillNumber(), "进度查询 shows the new waybill");
    assertEquals(
        List.of(lost + ":superseded:快递丢失", again + ":current:"),
        shipments(id),
        "the lost waybill is kept, superseded with the reason");
    AuditEntry reship = only(id, "order.reship");
    assertTrue(reship.getDetails().contains("from=SHIPPED, to=SHIPPED"), reship.getDetails());
    assertTrue(reship.getDetails().contains("waybill=" + again), reship.getDetails());
    assertTrue(reship.getDetails().contains("previousWaybill=" + lost), reship.getDetails());
    assertTrue(reship.getDetails().contains("reason=快递丢失"), reship.getDetails());
    assertTrue(awaitSms(id, "新运单号：" + again).isPresent(), "the applicant is told the new one");

    shipping.sign(id, CLIENT);
    assertEquals(OrderStatus.COMPLETED, status(id));
    assertEquals(
        "order.stepRefused", refusal(() -> shipping.reship(id, sfWaybill(), "快递丢失", CLIENT)));
  }

  @Test
  void aKeyNotSignedForWithinFifteenDaysIsCompletedBySystem() throws SQLException {
    String due = courierOrderMade();
    String recent = courierOrderMade();
    shipping.ship(due, sfWaybill(), CLIENT);
    shipping.ship(recent, sfWaybill(), CLIENT);
    shippedDaysAgo(due, 16);
    shippedDaysAgo(recent, 1);

    runAutoCompletion();

    assertEquals(OrderStatus.COMPLETED, status(due));
    AuditEntry completed = only(due, "order.auto_complete");
    assertEquals("system", completed.getActor());
    assertTrue(
        completed.getDetails().contains("from=SHIPPED, to=COMPLETED"), completed.getDetails());
    assertTrue(
        completed.getDetails().contains("not signed for within 15 days"), completed.getDetails());
    assertTrue(awaitSms(due, "系统已自动签收").isPresent(), "the applicant is told");

    assertEquals(OrderStatus.SHIPPED, status(recent), "shipped yesterday: untouched");
    assertTrue(audited(recent, "order.auto_complete").isEmpty());
    assertTrue(progressRow(recent).signable());

    runAutoCompletion();
    assertEquals(1, audited(due, "order.auto_complete").size(), "completed once");
  }

  // --- 自取
  // --------------------------------------------------------------------------------------------

  @Test
  void aPickupKeyIsHandedOverOnlyToTheCollectorOnTheIdCard() throws SQLException {
    handEverythingToSomeoneElse();
    String collectorId = TestIdentities.residentId();
    String id = submitted.freePickup("王取证", TestIdentities.mobile(), collectorId);
    take(id, OrderEvent.APPROVE, OrderEvent.MAKE_CERTIFICATE);

    CounterOrder toPutOut = find(shipping::toPutOut, CounterOrder::publicId, id).orElseThrow();
    assertEquals("山东聊城办理点", toPutOut.handlingPointName());
    assertEquals("王取证", toPutOut.collectorName());
    assertTrue(shipping.atCounter(id).isEmpty(), "not at the counter before 待领取");
    assertEquals(
        "order.stepRefused",
        refusal(() -> shipping.ship(id, sfWaybill(), CLIENT)),
        "a 自取 key is not shipped");

    CounterOrder ready = shipping.readyForPickup(id, CLIENT);

    assertEquals(OrderStatus.AWAITING_PICKUP, ready.status());
    assertEquals(OrderStatus.AWAITING_PICKUP, status(id));
    assertEquals(ReviewStatus.AWAITING_PICKUP, progressRow(id).reviewStatus(), "未领取");
    assertTrue(find(shipping::toPutOut, CounterOrder::publicId, id).isEmpty());
    AuditEntry readyAudit = only(id, "order.ready_for_pickup");
    assertEquals(APPLICANT_OPERATOR, readyAudit.getActor());
    assertTrue(readyAudit.getDetails().contains("handlingPoint=SD_LIAOCHENG"));
    assertTrue(awaitSms(id, "山东聊城办理点").isPresent(), "the applicant is told where");

    List<CounterOrder> byId = shipping.atCounter(" " + id.toLowerCase() + " ");
    assertEquals(List.of(id), byId.stream().map(CounterOrder::publicId).toList());
    CounterOrder found = byId.get(0);
    assertEquals("王取证", found.collectorName());
    assertEquals(
        collectorId.substring(0, 4) + "**********" + collectorId.substring(14),
        found.collectorIdNumberMasked(),
        "the ID number leaves the server masked");
    assertTrue(
        shipping.atCounter(collectorId).stream().anyMatch(o -> o.publicId().equals(id)),
        "found by the 取证人's ID number");

    String wrongId = TestIdentities.residentId();
    assertEquals(
        "handOver.idNumberMismatch", refusal(() -> shipping.handOver(id, "王取证", wrongId, CLIENT)));
    assertEquals(
        "handOver.nameMismatch", refusal(() -> shipping.handOver(id, "王取正", collectorId, CLIENT)));
    assertEquals(
        "validation.residentId", refusal(() -> shipping.handOver(id, "王取证", "123", CLIENT)));
    assertEquals(OrderStatus.AWAITING_PICKUP, status(id), "a refused hand-over changes nothing");
    assertTrue(audited(id, "order.hand_over").isEmpty());
    List<AuditEntry> refused = audited(id, "order.hand_over_refused");
    assertEquals(2, refused.size(), "each refused hand-over is audited: " + refused);
    assertTrue(refused.stream().allMatch(e -> e.getActor().equals(APPLICANT_OPERATOR)));
    assertTrue(
        refused.stream().anyMatch(e -> e.getDetails().contains("mismatch=ID_NUMBER_MISMATCH")));
    assertTrue(refused.stream().noneMatch(e -> e.getDetails().contains(wrongId)), "masked");

    shipping.handOver(id, " 王取证 ", collectorId.toLowerCase(), CLIENT);

    assertEquals(OrderStatus.COMPLETED, status(id));
    assertEquals(ReviewStatus.COMPLETED, progressRow(id).reviewStatus());
    AuditEntry handOver = only(id, "order.hand_over");
    assertEquals(APPLICANT_OPERATOR, handOver.getActor());
    assertTrue(
        handOver.getDetails().contains("handedOverBy=" + APPLICANT_OPERATOR),
        handOver.getDetails());
    assertTrue(handOver.getDetails().contains("from=AWAITING_PICKUP, to=COMPLETED"));
    assertTrue(awaitSms(id, "现场领取，申请已完成").isPresent(), "the applicant is told");
    assertTrue(shipping.atCounter(id).isEmpty(), "no longer at the counter");
    assertEquals(
        "order.stepRefused", refusal(() -> shipping.handOver(id, "王取证", collectorId, CLIENT)));
  }

  // --- who may do what
  // -----------------------------------------------------------------------------

  @Test
  void anApplicantWithoutTheOperatorsRoleShipsAndHandsOverNothing() {
    String id = courierOrderMade();

    as(OTHER_APPLICANT);
    assertThrows(EJBAccessException.class, () -> shipping.toShip(0, 10));
    assertThrows(EJBAccessException.class, () -> shipping.shipped(0, 10));
    assertThrows(EJBAccessException.class, () -> shipping.ship(id, sfWaybill(), CLIENT));
    assertThrows(EJBAccessException.class, () -> shipping.reship(id, sfWaybill(), "快递丢失", CLIENT));
    assertThrows(EJBAccessException.class, () -> shipping.toPutOut(0, 10));
    assertThrows(EJBAccessException.class, () -> shipping.readyForPickup(id, CLIENT));
    assertThrows(EJBAccessException.class, () -> shipping.atCounter(id));
    assertThrows(
        EJBAccessException.class,
        () -> shipping.handOver(id, "王取证", TestIdentities.residentId(), CLIENT));

    as(APPLICANT_OPERATOR);
    assertEquals(OrderStatus.CERTIFICATE_MADE, status(id));
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Makes {@code caller} the caller of the rest of this test. */
  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        ShippingCallerMechanism.switchTo(security, request, caller),
        "authenticated as " + caller);
  }

  /** A 新办 of a further key, 邮寄 from 银川: paid, approved and its certificate made. */
  private String courierOrderMade() {
    String id = submitted.awaitingPayment();
    take(id, OrderEvent.PAY, OrderEvent.APPROVE, OrderEvent.MAKE_CERTIFICATE);
    assertEquals(OrderStatus.CERTIFICATE_MADE, status(id));
    return id;
  }

  /** Takes the steps as their services would: on the locked order, in one transaction. */
  private void take(String publicId, OrderEvent... events) {
    try {
      tx.begin();
      try {
        CertificateApplication order = orders.lockSubmitted(publicId).orElseThrow();
        for (OrderEvent event : events) {
          steps.take(order, event, STAFF, ClientInfo.system(), "test");
        }
        tx.commit();
      } catch (Exception e) {
        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
          tx.rollback();
        }
        throw e;
      }
    } catch (Exception e) {
      throw new IllegalStateException("taking " + List.of(events) + " of " + publicId, e);
    }
  }

  private OrderStatus status(String publicId) {
    return orders.submitted(publicId).orElseThrow().getStatus();
  }

  /** Runs the auto-completion, waiting while a scheduled run holds its lock. */
  private void runAutoCompletion() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (autoCompletion.run() < 0) {
      assertTrue(System.nanoTime() < deadline, "the auto-completion's lock was never free");
      Thread.onSpinWait();
    }
  }

  /**
   * The order's current waybill left {@code days} days earlier than it did (the auto-completion
   * reads the waybill's time). The audit trail is left alone: its entries are chained, and a
   * changed one is what 校验 exists to find.
   */
  private void shippedDaysAgo(String publicId, int days) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement shipment =
            c.prepareStatement(
                "update shipment set shipped_at = shipped_at - make_interval(days => ?)"
                    + " where superseded_at is null and application_id ="
                    + " (select id from certificate_application where public_id = ?)")) {
      shipment.setInt(1, days);
      shipment.setString(2, publicId);
      assertEquals(1, shipment.executeUpdate());
    }
  }

  /** The caller's orders are somebody else's now, so that the caller may order a free key again. */
  private void handEverythingToSomeoneElse() throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ?"
                    + " where owner_login_name = ? and status <> 'DRAFT'")) {
      p.setString(1, TestIdentities.residentId());
      p.setString(2, APPLICANT_OPERATOR);
      p.executeUpdate();
    }
  }

  /** waybill:current|superseded:reason of the order's shipments, oldest first. */
  private List<String> shipments(String publicId) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select s.waybill_number || ':'"
                    + " || case when s.superseded_at is null then 'current' else 'superseded' end"
                    + " || ':' || coalesce(s.superseded_reason, '')"
                    + " from shipment s join certificate_application a on a.id = s.application_id"
                    + " where a.public_id = ? order by s.shipped_at, s.id")) {
      select.setString(1, publicId);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
    }
    return rows;
  }

  /**
   * The SMS to the applicant's bound mobile that names the order and contains {@code text}, waiting
   * a little for it (it is sent once the step has committed).
   */
  private Optional<String> awaitSms(String publicId, String text) throws SQLException {
    String mobile = accounts.find(APPLICANT_OPERATOR).orElseThrow().getMobile();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Connection c = database.getConnection();
          PreparedStatement select =
              c.prepareStatement(
                  "select text from sms_outbox where mobile = ? and strpos(text, ?) > 0"
                      + " and strpos(text, ?) > 0 order by sent_at desc, id desc")) {
        select.setString(1, mobile);
        select.setString(2, "申请ID：" + publicId);
        select.setString(3, text);
        try (ResultSet result = select.executeQuery()) {
          if (result.next()) {
            return Optional.of(result.getString(1));
          }
        }
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /** The caller's 进度查询 row of the order, reading the grid a page at a time. */
  private ProgressRow progressRow(String publicId) {
    int first = 0;
    while (true) {
      ProgressPage page = progress.page(first, 100, null);
      Optional<ProgressRow> row =
          page.rows().stream().filter(r -> r.publicId().equals(publicId)).findFirst();
      if (row.isPresent()) {
        return row.get();
      }
      assertFalse(
          page.rows().isEmpty() || first + page.rows().size() >= page.total(),
          publicId + " in 进度查询");
      first += page.rows().size();
    }
  }

  /** The row of the order in an operator's list, reading it a page at a time. */
  private static <T extends Serializable> Optional<T> find(
      PageReader<T> list, Function<T, String> publicId, String id) {
    int first = 0;
    while (true) {
      Page<T> page = list.read(first, 100);
      Optional<T> row = page.rows().stream().filter(r -> publicId.apply(r).equals(id)).findFirst();
      if (row.isPresent() || page.rows().isEmpty() || first + page.rows().size() >= page.total()) {
        return row;
      }
      first += page.rows().size();
    }
  }

  /** An operator's list. */
  @FunctionalInterface
  private interface PageReader<T extends Serializable> {
    Page<T> read(int first, int pageSize);
  }

  /** A service call that is refused. */
  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  private static String refusal(Call call) {
    return assertThrows(BusinessException.class, call::run).messageKey();
  }

  private List<AuditEntry> audited(String publicId, String action) {
    return audit.forTarget("application:" + publicId).stream()
        .filter(e -> e.getAction().equals(action))
        .toList();
  }

  private AuditEntry only(String publicId, String action) {
    List<AuditEntry> entries = audited(publicId, action);
    assertEquals(1, entries.size(), action + " of " + publicId + ": " + entries);
    return entries.get(0);
  }

  /** A fresh 顺丰 waybill: SF and 13 digits. */
  private static String sfWaybill() {
    return "SF" + digits(13);
  }

  /** A fresh 顺丰 waybill of the older, 12-digit kind. */
  private static String twelveDigitWaybill() {
    return "9" + digits(11);
  }

  private static String digits(int count) {
    StringBuilder number = new StringBuilder();
    for (int i = 0; i < count; i++) {
      number.append(RANDOM.nextInt(10));
    }
    return number.toString();
  }
}
