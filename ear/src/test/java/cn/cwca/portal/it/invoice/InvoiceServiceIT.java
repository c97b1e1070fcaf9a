package cn.cwca.portal.it.invoice;

import static cn.cwca.portal.it.invoice.InvoiceCallerMechanism.APPLICANT;
import static cn.cwca.portal.it.invoice.InvoiceCallerMechanism.FINANCE;
import static cn.cwca.portal.it.invoice.InvoiceCallerMechanism.OTHER_APPLICANT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.common.Page;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.invoice.AwaitingInvoice;
import cn.cwca.portal.invoice.BuyerKind;
import cn.cwca.portal.invoice.CurrentInvoice;
import cn.cwca.portal.invoice.InvoiceBuyer;
import cn.cwca.portal.invoice.InvoiceBuyerState;
import cn.cwca.portal.invoice.InvoiceContent;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.invoice.IssuedInvoice;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.WhileATransactionIsOpen;
import cn.cwca.portal.it.application.SampleDocuments;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 数电发票 through the real services and PostgreSQL: the applicant's 开票信息 before and after payment, the
 * finance desk's 待开票, 开票 and 红冲, the applicant's download, and who may do what. Each test starts as
 * the applicant {@link InvoiceCallerMechanism#APPLICANT} and switches to the finance staff member
 * or the other applicant where it says so ({@link #as}); every test makes its own orders (a 新办 of a
 * further, paid key, paid by the system as a provider's notification would).
 */
@ExtendWith(ArquillianExtension.class)
class InvoiceServiceIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.81");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A document the uploads accept (a PDF that opens, with a page). */
  private static final byte[] DOCUMENT = SampleDocuments.PDF;

  /** 开票信息 as an applicant types it: spaces, lower case, a landline in brackets. */
  private static final InvoiceBuyer TYPED =
      new InvoiceBuyer(
          BuyerKind.ORGANISATION,
          " 聊城市示例科技有限公司 ",
          "91350100m000100y43",
          "山东省聊城市东昌府区示例路1号",
          "finance@example.cn",
          "(0635)8888888",
          "中国工商银行聊城分行",
          "6222 0212 3456 7890 123");

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        InvoiceServiceIT.class,
        InvoiceCallerMechanism.class,
        SampleDocuments.class,
        cn.cwca.portal.it.SwitchingCallers.class,
        TestIdentities.class,
        WhileATransactionIsOpen.class,
        WhileATransactionIsOpen.Work.class);
  }

  @EJB InvoiceService invoices;
  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB ProgressService progress;
  @EJB AccountService accounts;
  @EJB AuditLog audit;
  @EJB Orders orders;
  @EJB OrderSteps steps;

  @Inject UserTransaction tx;
  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource ManagedExecutorService executor;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /** Both applicants have an account; the caller has no open draft. */
  @BeforeEach
  void applicantsHaveAccountsAndNoDraft() {
    for (String applicant : List.of(APPLICANT, OTHER_APPLICANT)) {
      if (accounts.find(applicant).isEmpty()) {
        accounts.registerPerson(TestIdentities.person(accounts, "开票测试人", applicant), CLIENT);
      }
    }
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
  }

  // --- the applicant's 开票信息 --------------------------------------------------------------------

  @Test
  void theApplicantSavesBuyerDataOnAnUnpaidOrderAndAgainOnThePaidOrder() {
    String id = submittedOrder();
    Account me = accounts.find(APPLICANT).orElseThrow();

    InvoiceBuyerState prefill = invoices.buyer(id).orElseThrow();
    assertFalse(prefill.saved());
    assertTrue(prefill.editable());
    assertEquals(
        new InvoiceBuyer(
            BuyerKind.PERSON,
            me.getDisplayName(),
            APPLICANT,
            null,
            null,
            me.getMobile(),
            null,
            null),
        prefill.buyer(),
        "a person buys under their name and resident ID");

    InvoiceBuyerState saved = invoices.saveBuyer(id, null, TYPED, CLIENT);

    InvoiceBuyer stored =
        new InvoiceBuyer(
            BuyerKind.ORGANISATION,
            "聊城市示例科技有限公司",
            "91350100M000100Y43",
            "山东省聊城市东昌府区示例路1号",
            "finance@example.cn",
            "0635-8888888",
            "中国工商银行聊城分行",
            "6222021234567890123");
    assertEquals(stored, saved.buyer());
    assertTrue(saved.saved());
    assertEquals(saved, invoices.buyer(id).orElseThrow());

    pay(id);
    InvoiceBuyer corrected = withName(stored, "聊城市示例科技股份有限公司");
    InvoiceBuyerState again = invoices.saveBuyer(id, saved.version(), corrected, CLIENT);
    assertEquals(corrected, again.buyer());
    assertTrue(again.version() > saved.version());

    BusinessException stale =
        assertThrows(
            BusinessException.class,
            () -> invoices.saveBuyer(id, saved.version(), stored, CLIENT),
            "a page that showed the older buyer");
    assertEquals("invoice.concurrentEdit", stale.messageKey());
    BusinessException firstTimeAgain =
        assertThrows(BusinessException.class, () -> invoices.saveBuyer(id, null, stored, CLIENT));
    assertEquals("invoice.concurrentEdit", firstTimeAgain.messageKey());
    BusinessException phone =
        assertThrows(
            BusinessException.class,
            () ->
                invoices.saveBuyer(
                    id,
                    again.version(),
                    new InvoiceBuyer(
                        BuyerKind.PERSON, "张三", "E12345678", null, null, "8888888", null, null),
                    CLIENT));
    assertEquals("validation.phone", phone.messageKey());
    assertEquals(corrected, invoices.buyer(id).orElseThrow().buyer(), "nothing changed");

    List<AuditEntry> audited = audited(id, "invoice.buyerSaved");
    assertEquals(2, audited.size());
    assertTrue(audited.stream().allMatch(e -> e.getActor().equals(APPLICANT)));
    assertTrue(audited.get(0).getDetails().contains("聊城市示例科技股份有限公司"));
  }

  @Test
  void aCancelledOrderTakesNoBuyerData() {
    String id = submittedOrder();
    applications.cancel(id, CLIENT);

    assertEquals("invoice.orderCancelled", invoices.buyer(id).orElseThrow().lockedKey());
    BusinessException e =
        assertThrows(BusinessException.class, () -> invoices.saveBuyer(id, null, TYPED, CLIENT));
    assertEquals("invoice.orderCancelled", e.messageKey());
  }

  // --- 开票 and the applicant's download ----------------------------------------------------------

  @Test
  void financeIssuesThePaidOrdersInvoiceAndTheApplicantDownloadsTheSameFile() throws IOException {
    String id = paidOrderWithBuyer();
    BigDecimal price = applications.findMine(id).orElseThrow().getPrice();
    byte[] pdf = onePagePdf();
    String number = invoiceNumber();

    as(FINANCE);
    AwaitingInvoice waiting = find(invoices::awaiting, AwaitingInvoice::publicId, id).orElseThrow();
    assertEquals(0, price.compareTo(waiting.amount()));
    assertEquals(APPLICANT, waiting.applicantLoginName());
    assertEquals("开票测试人", waiting.applicantName());
    assertEquals(OrderStatus.AWAITING_REVIEW, waiting.status());
    assertEquals("91350100M000100Y43", waiting.buyer().taxId());
    assertEquals(0, waiting.reversedInvoices());

    CurrentInvoice issued = invoices.issue(id, number, pdf, "dzfp_" + number + ".pdf", CLIENT);

    assertEquals(number, issued.invoiceNumber());
    assertTrue(issued.hasFile());
    assertTrue(find(invoices::awaiting, AwaitingInvoice::publicId, id).isEmpty(), "no longer 待开票");
    IssuedInvoice row = find(invoices::issued, IssuedInvoice::publicId, id).orElseThrow();
    assertEquals(number, row.invoiceNumber());
    assertEquals(0, price.compareTo(row.amount()));
    assertEquals(FINANCE, row.issuedBy());
    assertTrue(row.hasFile());
    assertEquals("聊城市示例科技有限公司", row.buyer().name());
    assertArrayEquals(pdf, invoices.file(row.invoiceId()).orElseThrow().bytes());
    AuditEntry entry = audited(id, "invoice.issued").get(0);
    assertEquals(FINANCE, entry.getActor());
    assertTrue(entry.getDetails().contains("number=" + number), entry.getDetails());

    as(APPLICANT);
    CurrentInvoice mine = invoices.currentInvoice(id).orElseThrow();
    assertEquals(number, mine.invoiceNumber());
    assertTrue(mine.hasFile());
    InvoiceContent file = invoices.invoiceFile(id).orElseThrow();
    assertArrayEquals(pdf, file.bytes());
    assertEquals("application/pdf", file.contentType());
    assertEquals("发票" + number + ".pdf", file.fileName());
    ProgressRow progressRow =
        progress.page(0, 100, null).rows().stream()
            .filter(r -> r.publicId().equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals(number, progressRow.invoiceNumber());
    assertTrue(progressRow.invoiceFile());
    assertFalse(progressRow.buyerEditable());

    InvoiceBuyerState locked = invoices.buyer(id).orElseThrow();
    assertFalse(locked.editable());
    assertEquals("invoice.alreadyIssued", locked.lockedKey());
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> invoices.saveBuyer(id, locked.version(), withName(TYPED, "另一家公司"), CLIENT));
    assertEquals("invoice.alreadyIssued", refused.messageKey());
    assertEquals("发票已开具，开票信息不能再修改", Messages.text(refused.messageKey()));
  }

  @Test
  void aSecondInvoiceAndAUsedNumberAreRefused() throws IOException {
    String first = paidOrderWithBuyer();
    String second = paidOrderWithBuyer();
    String unpaid = submittedOrder();
    invoices.saveBuyer(unpaid, null, TYPED, CLIENT);
    String withoutBuyer = submittedOrder();
    pay(withoutBuyer);
    byte[] pdf = onePagePdf();
    String used = invoiceNumber();

    as(FINANCE);
    invoices.issue(first, used, pdf, "a.pdf", CLIENT);

    assertEquals(
        "invoice.issue.exists",
        refusal(() -> invoices.issue(first, invoiceNumber(), pdf, "b.pdf", CLIENT)));
    assertEquals(
        "invoice.number.used", refusal(() -> invoices.issue(second, used, pdf, "c.pdf", CLIENT)));
    assertEquals(
        "validation.invoiceNumber",
        refusal(() -> invoices.issue(second, used.substring(1), pdf, "c.pdf", CLIENT)));
    assertEquals(
        "invoice.file.unsupported",
        refusal(
            () ->
                invoices.issue(
                    second, invoiceNumber(), "<html/>garbage".getBytes(), "c.pdf", CLIENT)));
    assertEquals(
        "invoice.file.missing",
        refusal(() -> invoices.issue(second, invoiceNumber(), null, null, CLIENT)));
    assertEquals(
        "invoice.orderNotPaid",
        refusal(() -> invoices.issue(unpaid, invoiceNumber(), pdf, "d.pdf", CLIENT)));
    assertEquals(
        "invoice.buyerMissing",
        refusal(() -> invoices.issue(withoutBuyer, invoiceNumber(), pdf, "e.pdf", CLIENT)));
    assertEquals(
        "application.notFound",
        refusal(() -> invoices.issue("AAAAAAAAAAAAAAAA", invoiceNumber(), pdf, "f.pdf", CLIENT)));

    assertTrue(find(invoices::awaiting, AwaitingInvoice::publicId, second).isPresent());
    assertTrue(find(invoices::awaiting, AwaitingInvoice::publicId, withoutBuyer).isPresent());
    assertNull(
        find(invoices::awaiting, AwaitingInvoice::publicId, withoutBuyer).orElseThrow().buyer(),
        "未填写开票信息");
    assertTrue(
        find(invoices::awaiting, AwaitingInvoice::publicId, unpaid).isEmpty(), "not paid yet");
    assertEquals(1, audited(first, "invoice.issued").size());
    assertTrue(audited(second, "invoice.issued").isEmpty());
  }

  @Test
  void twoFinanceStaffIssuingTheSameOrderAtOnceMakeOneInvoice() throws Exception {
    String id = paidOrderWithBuyer();
    byte[] pdf = onePagePdf();
    String firstNumber = invoiceNumber();
    String secondNumber = invoiceNumber();

    as(FINANCE);
    Future<String> second =
        WhileATransactionIsOpen.run(
            tx,
            executor,
            () -> invoices.issue(id, firstNumber, pdf, "a.pdf", CLIENT),
            () -> {
              try {
                return invoices.issue(id, secondNumber, pdf, "b.pdf", CLIENT).invoiceNumber();
              } catch (BusinessException refused) {
                return refused.messageKey();
              }
            });

    assertEquals("invoice.issue.exists", second.get(10, TimeUnit.SECONDS));
    assertEquals(
        firstNumber,
        find(invoices::issued, IssuedInvoice::publicId, id).orElseThrow().invoiceNumber());
    assertEquals(List.of("BLUE:ISSUED:" + firstNumber), invoiceRows(id));
  }

  // --- 红冲 -----------------------------------------------------------------------------------

  @Test
  void aReversalWithItsReasonSendsTheOrderBackToTheQueueAndFreesTheBuyerData() throws Exception {
    String id = paidOrderWithBuyer();
    byte[] pdf = onePagePdf();
    String blue = invoiceNumber();
    String red = invoiceNumber();

    as(FINANCE);
    assertEquals("invoice.notIssued", refusal(() -> invoices.reverse(id, red, "购买方名称有误", CLIENT)));
    invoices.issue(id, blue, pdf, "a.pdf", CLIENT);
    assertEquals("validation.required", refusal(() -> invoices.reverse(id, red, "  ", CLIENT)));
    assertEquals(
        "validation.reversalReason",
        refusal(() -> invoices.reverse(id, red, "因".repeat(501), CLIENT)));
    assertEquals(
        "invoice.number.used", refusal(() -> invoices.reverse(id, blue, "购买方名称有误", CLIENT)));

    invoices.reverse(id, red, "购买方名称有误", CLIENT);

    assertTrue(find(invoices::issued, IssuedInvoice::publicId, id).isEmpty());
    AwaitingInvoice again = find(invoices::awaiting, AwaitingInvoice::publicId, id).orElseThrow();
    assertEquals(1, again.reversedInvoices());
    assertEquals(List.of("BLUE:REVERSED:" + blue, "RED:ISSUED:" + red), invoiceRows(id));
    assertEquals(
        List.of(red + ":" + blue + ":购买方名称有误:-"), redInvoiceRows(id), "reverses the blue one");
    AuditEntry reversed = audited(id, "invoice.reversed").get(0);
    assertEquals(FINANCE, reversed.getActor());
    assertTrue(reversed.getDetails().contains("reason=购买方名称有误"), reversed.getDetails());
    assertTrue(reversed.getDetails().contains(blue) && reversed.getDetails().contains(red));

    as(APPLICANT);
    assertTrue(invoices.currentInvoice(id).isEmpty());
    assertTrue(invoices.invoiceFile(id).isEmpty(), "the reversed invoice is no longer offered");
    InvoiceBuyerState editable = invoices.buyer(id).orElseThrow();
    assertTrue(editable.editable());
    invoices.saveBuyer(id, editable.version(), withName(TYPED, "聊城市正确名称有限公司"), CLIENT);

    as(FINANCE);
    String reissued = invoiceNumber();
    invoices.issue(id, reissued, pdf, "b.pdf", CLIENT);
    IssuedInvoice current = find(invoices::issued, IssuedInvoice::publicId, id).orElseThrow();
    assertEquals(reissued, current.invoiceNumber());
    assertEquals("聊城市正确名称有限公司", current.buyer().name());
    assertEquals(2, audited(id, "invoice.issued").size());
  }

  // --- who may do what ------------------------------------------------------------------------

  @Test
  void anotherApplicantsOrderGivesNothing() throws IOException {
    String id = paidOrderWithBuyer();
    as(FINANCE);
    invoices.issue(id, invoiceNumber(), onePagePdf(), "a.pdf", CLIENT);

    as(OTHER_APPLICANT);
    assertEquals(Optional.empty(), invoices.buyer(id));
    assertEquals(Optional.empty(), invoices.currentInvoice(id));
    assertEquals(Optional.empty(), invoices.invoiceFile(id));
    assertEquals(
        "application.notFound", refusal(() -> invoices.saveBuyer(id, null, TYPED, CLIENT)));
    assertEquals(Optional.empty(), invoices.buyer("AAAAAAAAAAAAAAAA"));
    assertEquals(Optional.empty(), invoices.invoiceFile(null));

    as(APPLICANT);
    assertTrue(invoices.invoiceFile(id).isPresent(), "the owner still has it");
  }

  @Test
  void anApplicantCannotUseTheFinanceDeskNorTheFinanceStaffTheApplicantsForm() throws IOException {
    String id = paidOrderWithBuyer();
    byte[] pdf = onePagePdf();

    assertThrows(EJBAccessException.class, () -> invoices.awaiting(0, 10));
    assertThrows(EJBAccessException.class, () -> invoices.issued(0, 10));
    assertThrows(
        EJBAccessException.class, () -> invoices.issue(id, invoiceNumber(), pdf, "a.pdf", CLIENT));
    assertThrows(
        EJBAccessException.class, () -> invoices.reverse(id, invoiceNumber(), "原因", CLIENT));
    assertThrows(EJBAccessException.class, () -> invoices.file(1L));
    assertTrue(audited(id, "invoice.issued").isEmpty());

    as(FINANCE);
    assertThrows(EJBAccessException.class, () -> invoices.buyer(id));
    assertThrows(EJBAccessException.class, () -> invoices.saveBuyer(id, null, TYPED, CLIENT));
    assertThrows(EJBAccessException.class, () -> invoices.invoiceFile(id));
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Makes {@code caller} the caller of the rest of this test. */
  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        InvoiceCallerMechanism.switchTo(security, request, caller),
        "authenticated as " + caller);
  }

  /** A submitted 新办 of a further (paid) key, shipped from 银川, waiting for payment. */
  private String submittedOrder() {
    String id =
        applications
            .saveCertificateInformation(
                DraftRef.NONE,
                new CertificateInformation(
                    ServiceType.NEW_OR_REPLACE,
                    1,
                    false,
                    true,
                    null,
                    null,
                    new AgentDetails(
                        "测试经办人",
                        TestIdentities.mobile(),
                        IdType.RESIDENT_ID,
                        TestIdentities.residentId()),
                    true),
                CLIENT)
            .getPublicId();
    applications.confirmUserInformation(shown(id));
    applications.savePickup(
        shown(id),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "宁夏回族自治区银川市示例路2号", null),
        CLIENT);
    for (DocumentSlot slot : documents.slots(id)) {
      if (slot.required()) {
        documents.upload(
            id, slot.type(), DocumentUpload.of(slot.type().name() + ".pdf", DOCUMENT), CLIENT);
      }
    }
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    applications.submit(shown(id), token, CLIENT);
    CertificateApplication order = applications.findMine(id).orElseThrow();
    assertEquals(OrderStatus.AWAITING_PAYMENT, order.getStatus());
    assertTrue(order.getPrice().signum() > 0, "a further key is paid");
    return id;
  }

  /** A paid order with the buyer data of {@link #TYPED}. */
  private String paidOrderWithBuyer() {
    String id = submittedOrder();
    invoices.saveBuyer(id, null, TYPED, CLIENT);
    pay(id);
    return id;
  }

  /** The payment is confirmed, as a provider's notification would confirm it. */
  private void pay(String publicId) {
    try {
      tx.begin();
      try {
        CertificateApplication order = orders.lockSubmitted(publicId).orElseThrow();
        steps.take(order, OrderEvent.PAY, "system", ClientInfo.system(), "test");
        tx.commit();
      } catch (Exception e) {
        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
          tx.rollback();
        }
        throw e;
      }
    } catch (Exception e) {
      throw new IllegalStateException("paying " + publicId, e);
    }
    assertEquals(
        OrderStatus.AWAITING_REVIEW, applications.findMine(publicId).orElseThrow().getStatus());
  }

  /** The row of the order in a finance desk list, reading it a page at a time. */
  private static <T extends java.io.Serializable> Optional<T> find(
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

  /** A finance desk list. */
  @FunctionalInterface
  private interface PageReader<T extends java.io.Serializable> {
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

  /** kind:status:number of the order's invoices, oldest first. */
  private List<String> invoiceRows(String publicId) throws SQLException {
    return rows(
        "select i.kind || ':' || i.status || ':' || i.invoice_number from invoice i"
            + " join certificate_application a on a.id = i.application_id"
            + " where a.public_id = ? order by i.issued_at, i.id",
        publicId);
  }

  /** red number:blue number:reason:sign of the amount of the order's red-letter invoices. */
  private List<String> redInvoiceRows(String publicId) throws SQLException {
    return rows(
        "select r.invoice_number || ':' || b.invoice_number || ':' || r.reason || ':'"
            + " || case when r.amount < 0 then '-' else '+' end"
            + " from invoice r join invoice b on b.id = r.reverses_invoice_id"
            + " join certificate_application a on a.id = r.application_id"
            + " where a.public_id = ? and r.kind = 'RED'",
        publicId);
  }

  private List<String> rows(String query, String parameter) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement select = c.prepareStatement(query)) {
      select.setString(1, parameter);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
    }
    return rows;
  }

  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }

  private static InvoiceBuyer withName(InvoiceBuyer b, String name) {
    return new InvoiceBuyer(
        b.kind(), name, b.taxId(), b.address(), b.email(), b.phone(), b.bank(), b.bankAccount());
  }

  /** A fresh 20-digit 数电发票 number. */
  private static String invoiceNumber() {
    StringBuilder number = new StringBuilder("2537");
    for (int i = 0; i < 16; i++) {
      number.append(RANDOM.nextInt(10));
    }
    return number.toString();
  }

  private static byte[] onePagePdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
