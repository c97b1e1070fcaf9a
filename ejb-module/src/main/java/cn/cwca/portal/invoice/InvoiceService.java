package cn.cwca.portal.invoice;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.application.PaymentStatus;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.common.Page;
import cn.cwca.portal.document.StoredFileName;
import cn.cwca.portal.rules.FieldRule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 数电发票: the applicant's 开票信息 (立即支付, step 2) and the finance desk's invoices.
 *
 * <p>Applicants ({@code APPLICANT}) read and change the buyer of their own orders only (another
 * applicant's 申请ID behaves like an unknown one) until the invoice is issued, and download the
 * current invoice. The finance staff ({@code FINANCE}) work through the paid orders without an
 * invoice (待开票), record the invoice they made in the tax platform ({@link InvoiceIssuer}) and
 * reverse one with a red-letter invoice (红冲), after which the order waits for a new invoice and its
 * buyer may be corrected again.
 *
 * <p>Every change locks the order row first, so that two finance staff never issue two invoices for
 * one order and a buyer never changes under an invoice being issued; the partial unique index
 * {@code invoice_current_uk} and the unique invoice number are the last line of defence and end in
 * a message too. Each change is audited (target {@code application:<申请ID>}).
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("APPLICANT")
public class InvoiceService {

  /** Audit actions (target {@code application:<申请ID>}). */
  static final String BUYER_SAVED = "invoice.buyerSaved";

  static final String ISSUED = "invoice.issued";
  static final String REVERSED = "invoice.reversed";

  /** Largest page of the finance desk's lists. */
  static final int MAX_PAGE_SIZE = 100;

  /** SQLSTATE of a unique constraint violation (PostgreSQL). */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String CURRENT_CONSTRAINT = "invoice_current_uk";
  private static final String NUMBER_CONSTRAINT = "invoice_number_uk";

  /** The statuses of a paid order: 已支付 in the progress grid. */
  private static final List<OrderStatus> PAID =
      Arrays.stream(OrderStatus.values())
          .filter(s -> s.paymentStatus() == PaymentStatus.PAID)
          .toList();

  private static final String CURRENT_INVOICE_OF_A =
      "SELECT i FROM Invoice i WHERE i.applicationId = a.id"
          + " AND i.kind = cn.cwca.portal.invoice.Invoice.Kind.BLUE"
          + " AND i.status = cn.cwca.portal.invoice.Invoice.Status.ISSUED";

  private static final String AWAITING =
      " FROM CertificateApplication a WHERE a.status IN :paid AND a.price > 0"
          + " AND NOT EXISTS ("
          + CURRENT_INVOICE_OF_A
          + ")";

  private static final String ISSUED_INVOICES =
      " FROM Invoice i, CertificateApplication a WHERE a.id = i.applicationId"
          + " AND i.kind = cn.cwca.portal.invoice.Invoice.Kind.BLUE"
          + " AND i.status = cn.cwca.portal.invoice.Invoice.Status.ISSUED";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Orders orders;

  @Inject AccountService accounts;

  @Inject InvoiceIssuer issuer;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  // ===== the applicant
  // ============================================================================

  /**
   * 开票信息 of one of the caller's submitted orders: the saved buyer, or one filled in from the
   * account (an organisation: its name and credit code; a person: their name and, where it is a
   * resident ID, their ID number; the account's mobile number), with whether it may still be
   * changed. Empty for a draft, an unknown 申请ID and another applicant's.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<InvoiceBuyerState> buyer(String publicId) {
    String owner = callerName();
    return orders
        .owned(owner, publicId)
        .filter(a -> !a.isDraft())
        .map(
            a -> {
              InvoiceRequest saved = em.find(InvoiceRequest.class, a.getId());
              String locked = lockedKey(a, current(a.getId()).isPresent());
              return saved == null
                  ? new InvoiceBuyerState(prefill(owner), null, locked)
                  : new InvoiceBuyerState(saved.buyer(), saved.getVersion(), locked);
            });
  }

  /**
   * Checks and saves 开票信息 of one of the caller's orders: while it is submitted, not cancelled, has
   * a price and has no current invoice.
   *
   * @param shownVersion {@link InvoiceBuyerState#version()} of the state the form showed: when the
   *     buyer was saved since (another tab), the edit is refused rather than undo that change
   * @return the saved state, with its new version
   * @throws BusinessException {@code application.notFound}; {@code invoice.orderCancelled}, {@code
   *     invoice.notNeeded}, {@code invoice.alreadyIssued}; {@code invoice.concurrentEdit}; a field
   *     rule's key ({@link InvoiceBuyer#checked()})
   */
  public InvoiceBuyerState saveBuyer(
      String publicId, Long shownVersion, InvoiceBuyer buyer, ClientInfo c) {
    String owner = callerName();
    CertificateApplication a =
        orders
            .lockOwned(owner, publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    String locked = lockedKey(a, current(a.getId()).isPresent());
    if (locked != null) {
      throw new BusinessException(locked);
    }
    InvoiceRequest request = em.find(InvoiceRequest.class, a.getId());
    Long version = request == null ? null : request.getVersion();
    if (!Objects.equals(version, shownVersion)) {
      throw new BusinessException("invoice.concurrentEdit");
    }
    if (buyer == null) {
      throw new BusinessException("validation.required");
    }
    InvoiceBuyer checked = buyer.checked();
    LocalDateTime now = now();
    if (request == null) {
      request = new InvoiceRequest(a.getId(), checked, now);
      em.persist(request);
    } else {
      request.record(checked, now);
    }
    flush();
    audit.record(
        owner,
        BUYER_SAVED,
        target(a),
        (version == null ? "" : "changed, ")
            + "kind="
            + checked.kind()
            + ", name="
            + checked.name()
            + ", taxId="
            + checked.taxId()
            + ", phone="
            + checked.phone()
            + ", email="
            + checked.email(),
        c);
    return new InvoiceBuyerState(request.buyer(), request.getVersion(), null);
  }

  /** The current invoice of one of the caller's orders; empty when none, or not the caller's. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CurrentInvoice> currentInvoice(String publicId) {
    return orders
        .owned(callerName(), publicId)
        .filter(a -> !a.isDraft())
        .flatMap(a -> current(a.getId()))
        .map(i -> new CurrentInvoice(i.getInvoiceNumber(), i.getIssuedAt(), i.hasFile()));
  }

  /**
   * The file of the current invoice of one of the caller's orders, to download; empty when there is
   * none, and for anyone else's order.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<InvoiceContent> invoiceFile(String publicId) {
    return orders
        .owned(callerName(), publicId)
        .filter(a -> !a.isDraft())
        .flatMap(a -> current(a.getId()))
        .flatMap(i -> content(i.getId()));
  }

  // ===== the finance desk
  // =========================================================================

  /**
   * 待开票: a page of the paid orders with a price and without a current invoice, oldest submission
   * first, each with its buyer data (or none yet), and their total number.
   */
  @RolesAllowed("FINANCE")
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<AwaitingInvoice> awaiting(int first, int pageSize) {
    long total =
        em.createQuery("SELECT COUNT(a)" + AWAITING, Long.class)
            .setParameter("paid", PAID)
            .getSingleResult();
    List<CertificateApplication> page =
        em.createQuery(
                "SELECT a" + AWAITING + " ORDER BY a.submittedAt, a.id",
                CertificateApplication.class)
            .setParameter("paid", PAID)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(size(pageSize))
            .getResultList();
    if (page.isEmpty()) {
      return new Page<>(List.of(), total);
    }
    List<Long> ids = page.stream().map(CertificateApplication::getId).toList();
    Map<Long, InvoiceBuyer> buyers = buyers(ids);
    Map<String, String> names =
        applicantNames(page.stream().map(CertificateApplication::getOwnerLoginName).toList());
    Map<Long, Long> reversed = reversedCounts(ids);
    List<AwaitingInvoice> rows =
        page.stream()
            .map(
                a ->
                    new AwaitingInvoice(
                        a.getPublicId(),
                        names.get(a.getOwnerLoginName()),
                        a.getOwnerLoginName(),
                        a.getPrice(),
                        a.getSubmittedAt(),
                        a.getStatus(),
                        buyers.get(a.getId()),
                        reversed.getOrDefault(a.getId(), 0L)))
            .toList();
    return new Page<>(rows, total);
  }

  /** 已开票: a page of the orders with a current invoice, newest invoice first, and their number. */
  @RolesAllowed("FINANCE")
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<IssuedInvoice> issued(int first, int pageSize) {
    long total = em.createQuery("SELECT COUNT(i)" + ISSUED_INVOICES, Long.class).getSingleResult();
    List<Object[]> page =
        em.createQuery(
                "SELECT a.id, a.publicId, a.ownerLoginName, i.id, i.invoiceNumber, i.amount,"
                    + " i.issuedAt, i.issuedBy, i.contentType"
                    + ISSUED_INVOICES
                    + " ORDER BY i.issuedAt DESC, i.id DESC",
                Object[].class)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(size(pageSize))
            .getResultList();
    if (page.isEmpty()) {
      return new Page<>(List.of(), total);
    }
    Map<Long, InvoiceBuyer> buyers = buyers(page.stream().map(r -> (Long) r[0]).toList());
    Map<String, String> names = applicantNames(page.stream().map(r -> (String) r[2]).toList());
    List<IssuedInvoice> rows =
        page.stream()
            .map(
                r ->
                    new IssuedInvoice(
                        (String) r[1],
                        names.get((String) r[2]),
                        (String) r[2],
                        (Long) r[3],
                        (String) r[4],
                        (BigDecimal) r[5],
                        (LocalDateTime) r[6],
                        (String) r[7],
                        r[8] != null,
                        buyers.get((Long) r[0])))
            .toList();
    return new Page<>(rows, total);
  }

  /**
   * 开票: records the blue 数电发票 the caller made in the tax platform for a paid order, with the amount
   * the order was paid and its file; the applicant then sees the number and downloads the file, and
   * can no longer change the buyer.
   *
   * @param invoiceNumber 发票号码: exactly 20 digits, never used before
   * @param file the invoice's file (PDF, OFD or XML, recognised by content; at most 5 MB)
   * @param originalFileName the uploaded file's name, for the audit trail only (kept as {@link
   *     StoredFileName#clean} makes it)
   * @return the current invoice of the order
   * @throws BusinessException {@code application.notFound}; {@code invoice.orderCancelled}, {@code
   *     invoice.notNeeded}, {@code invoice.orderNotPaid}; {@code invoice.issue.exists}; {@code
   *     invoice.buyerMissing}; {@code validation.required}, {@code validation.invoiceNumber};
   *     {@code invoice.number.used}; {@code invoice.file.missing}, {@code invoice.file.tooLarge},
   *     {@code invoice.file.unsupported}
   */
  @RolesAllowed("FINANCE")
  public CurrentInvoice issue(
      String publicId, String invoiceNumber, byte[] file, String originalFileName, ClientInfo c) {
    String staff = callerName();
    CertificateApplication a = lockedOrder(publicId);
    if (a.getStatus() == OrderStatus.CANCELLED) {
      throw new BusinessException("invoice.orderCancelled");
    }
    if (a.getPrice() == null || a.getPrice().signum() <= 0) {
      throw new BusinessException("invoice.notNeeded");
    }
    if (a.getStatus().paymentStatus() != PaymentStatus.PAID) {
      throw new BusinessException("invoice.orderNotPaid");
    }
    if (current(a.getId()).isPresent()) {
      throw new BusinessException("invoice.issue.exists");
    }
    InvoiceRequest request = em.find(InvoiceRequest.class, a.getId());
    if (request == null) {
      throw new BusinessException("invoice.buyerMissing");
    }
    InvoiceIssuer.Issued issued =
        issuer.issue(
            new InvoiceIssuer.Order(a.getPublicId(), a.getPrice(), request.buyer()),
            new InvoiceIssuer.StaffEntry(invoiceNumber, file, originalFileName));
    requireUnused(issued.invoiceNumber());
    LocalDateTime now = now();
    Invoice invoice =
        new Invoice(
            a.getId(),
            Invoice.Kind.BLUE,
            issued.invoiceNumber(),
            a.getPrice(),
            null,
            null,
            issued.file(),
            staff,
            now);
    em.persist(invoice);
    flush();
    audit.record(
        staff,
        ISSUED,
        target(a),
        "number="
            + invoice.getInvoiceNumber()
            + ", amount="
            + invoice.getAmount()
            + ", buyer="
            + request.buyer().name()
            + ", taxId="
            + request.buyer().taxId()
            + (issued.file() == null
                ? ""
                : ", contentType="
                    + issued.file().format().contentType()
                    + ", size="
                    + issued.file().content().length
                    + ", sha256="
                    + issued.file().sha256()
                    + ", file="
                    + StoredFileName.clean(originalFileName)),
        c);
    return new CurrentInvoice(invoice.getInvoiceNumber(), now, invoice.hasFile());
  }

  /**
   * 红冲: records the red-letter invoice the caller made in the tax platform to reverse the order's
   * current invoice, which becomes reversed. The order then waits for a new invoice (待开票), and the
   * applicant may correct the buyer again.
   *
   * @param redInvoiceNumber 发票号码 of the red-letter invoice: exactly 20 digits, never used before
   * @param reason why (required, at most 500 characters); kept with the red invoice and audited
   * @throws BusinessException {@code application.notFound}; {@code invoice.notIssued}; {@code
   *     validation.required}, {@code validation.reversalReason}, {@code validation.invoiceNumber};
   *     {@code invoice.number.used}
   */
  @RolesAllowed("FINANCE")
  public void reverse(String publicId, String redInvoiceNumber, String reason, ClientInfo c) {
    String staff = callerName();
    CertificateApplication a = lockedOrder(publicId);
    Invoice blue = current(a.getId()).orElseThrow(() -> new BusinessException("invoice.notIssued"));
    String why = FieldInput.checked(FieldRule.REVERSAL_REASON, reason);
    InvoiceRequest request = em.find(InvoiceRequest.class, a.getId());
    InvoiceBuyer buyer = request == null ? null : request.buyer();
    BigDecimal amount = blue.getAmount() == null ? a.getPrice() : blue.getAmount();
    InvoiceIssuer.Issued red =
        issuer.reverse(
            new InvoiceIssuer.Order(a.getPublicId(), amount, buyer),
            blue.getInvoiceNumber(),
            why,
            new InvoiceIssuer.StaffEntry(redInvoiceNumber, null, null));
    requireUnused(red.invoiceNumber());
    blue.reverse();
    // 红字发票 carry the negative of the amount they reverse.
    em.persist(
        new Invoice(
            a.getId(),
            Invoice.Kind.RED,
            red.invoiceNumber(),
            amount.negate(),
            blue.getId(),
            why,
            red.file(),
            staff,
            now()));
    flush();
    audit.record(
        staff,
        REVERSED,
        target(a),
        "red=" + red.invoiceNumber() + ", blue=" + blue.getInvoiceNumber() + ", reason=" + why,
        c);
  }

  /** The file of any invoice (reversed ones too), for the finance staff to view. */
  @RolesAllowed("FINANCE")
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<InvoiceContent> file(long invoiceId) {
    return content(invoiceId);
  }

  // ---------------------------------------------------------------------------------------------

  private static String lockedKey(CertificateApplication a, boolean hasCurrentInvoice) {
    return InvoiceBuyerState.lockedKey(a.getStatus(), a.getPrice(), hasCurrentInvoice);
  }

  /** 开票信息 filled in from the caller's account. */
  private InvoiceBuyer prefill(String owner) {
    return accounts.find(owner).map(InvoiceService::prefillOf).orElse(null);
  }

  /**
   * 开票信息 as the account suggests it: an organisation buys under its name and credit code, a person
   * under their name and resident ID number (a passport number is no taxpayer number: empty); the
   * account's mobile number is the phone.
   */
  static InvoiceBuyer prefillOf(Account account) {
    boolean organisation = account.getType() == AccountType.ORGANISATION;
    String taxId =
        organisation || account.getIdType() == IdType.RESIDENT_ID ? account.getLoginName() : null;
    return new InvoiceBuyer(
        organisation ? BuyerKind.ORGANISATION : BuyerKind.PERSON,
        account.getDisplayName(),
        taxId,
        null,
        null,
        account.getMobile(),
        null,
        null);
  }

  /** A submitted order of any applicant, locked until the transaction ends. */
  private CertificateApplication lockedOrder(String publicId) {
    return orders
        .lockSubmitted(publicId)
        .orElseThrow(() -> new BusinessException("application.notFound"));
  }

  private Optional<Invoice> current(long applicationId) {
    return em.createNamedQuery(Invoice.CURRENT_OF_ORDERS, Invoice.class)
        .setParameter("ids", List.of(applicationId))
        .getResultStream()
        .findFirst();
  }

  private Optional<InvoiceContent> content(long invoiceId) {
    return em.createQuery(
            "SELECT i.fileName, i.contentType, i.content FROM Invoice i"
                + " WHERE i.id = :id AND i.content IS NOT NULL",
            Object[].class)
        .setParameter("id", invoiceId)
        .getResultStream()
        .findFirst()
        .map(r -> new InvoiceContent((String) r[0], (String) r[1], (byte[]) r[2]));
  }

  /**
   * @throws BusinessException {@code invoice.number.used} when an invoice (blue or red) has it
   */
  private void requireUnused(String invoiceNumber) {
    if (!em.createNamedQuery(Invoice.BY_NUMBER, Invoice.class)
        .setParameter("number", invoiceNumber)
        .getResultList()
        .isEmpty()) {
      throw new BusinessException("invoice.number.used");
    }
  }

  private Map<Long, InvoiceBuyer> buyers(List<Long> applicationIds) {
    return em
        .createNamedQuery(InvoiceRequest.OF_ORDERS, InvoiceRequest.class)
        .setParameter("ids", applicationIds)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(InvoiceRequest::getApplicationId, InvoiceRequest::buyer));
  }

  /** 姓名 or 机构名称 by login name. */
  private Map<String, String> applicantNames(List<String> loginNames) {
    Map<String, String> names = new HashMap<>();
    em.createQuery(
            "SELECT acc.loginName, acc.displayName FROM Account acc"
                + " WHERE acc.loginName IN :names",
            Object[].class)
        .setParameter("names", loginNames.stream().distinct().toList())
        .getResultList()
        .forEach(r -> names.put((String) r[0], (String) r[1]));
    return names;
  }

  /** How many invoices of each order were reversed. */
  private Map<Long, Long> reversedCounts(List<Long> applicationIds) {
    return em
        .createQuery(
            "SELECT i.applicationId, COUNT(i) FROM Invoice i WHERE i.applicationId IN :ids"
                + " AND i.kind = cn.cwca.portal.invoice.Invoice.Kind.BLUE"
                + " AND i.status = cn.cwca.portal.invoice.Invoice.Status.REVERSED"
                + " GROUP BY i.applicationId",
            Object[].class)
        .setParameter("ids", applicationIds)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1], Long::sum));
  }

  /**
   * Writes now, so that a conflict ends in a message instead of a failed commit.
   *
   * @throws BusinessException {@code invoice.concurrentEdit} when another request changed the same
   *     row; {@code invoice.issue.exists} when the order got an invoice meanwhile; {@code
   *     invoice.number.used} when the number was recorded meanwhile
   */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("invoice.concurrentEdit");
    } catch (PersistenceException e) {
      String message = uniqueViolation(e);
      if (message == null) {
        throw e;
      }
      if (message.contains(CURRENT_CONSTRAINT)) {
        throw new BusinessException("invoice.issue.exists");
      }
      if (message.contains(NUMBER_CONSTRAINT)) {
        throw new BusinessException("invoice.number.used");
      }
      throw new BusinessException("invoice.concurrentEdit");
    }
  }

  private static String uniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return String.valueOf(sql.getMessage());
      }
    }
    return null;
  }

  private static int size(int pageSize) {
    return Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
  }

  private static String target(CertificateApplication a) {
    return "application:" + a.getPublicId();
  }

  private String callerName() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
