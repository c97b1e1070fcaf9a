package cn.cwca.portal.invoice;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * 数电发票: an invoice the finance staff issued in the tax platform for an order, with its file. A
 * correction is a red-letter invoice ({@link Kind#RED} 红字, reversing a blue one, with a reason) and
 * a new blue one; at most one blue invoice of an order is current. Times are UTC.
 */
@Entity
@Table(name = "invoice")
@NamedQuery(
    name = Invoice.CURRENT_OF_ORDERS,
    query =
        "SELECT i FROM Invoice i WHERE i.applicationId IN :ids"
            + " AND i.kind = cn.cwca.portal.invoice.Invoice.Kind.BLUE"
            + " AND i.status = cn.cwca.portal.invoice.Invoice.Status.ISSUED")
@NamedQuery(
    name = Invoice.OF_ORDER,
    query = "SELECT i FROM Invoice i WHERE i.applicationId = :id ORDER BY i.issuedAt, i.id")
@NamedQuery(
    name = Invoice.BY_NUMBER,
    query = "SELECT i FROM Invoice i WHERE i.invoiceNumber = :number")
public class Invoice implements Serializable {

  public static final String CURRENT_OF_ORDERS = "Invoice.currentOfOrders";
  static final String OF_ORDER = "Invoice.ofOrder";
  static final String BY_NUMBER = "Invoice.byNumber";

  private static final long serialVersionUID = 1L;

  /** 蓝字 (an invoice) or 红字 (the reversal of one). */
  public enum Kind {
    BLUE,
    RED
  }

  /** A blue invoice is current until a red one reverses it. */
  public enum Status {
    ISSUED,
    REVERSED
  }

  @Id
  @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
  private Long id;

  @Version private long version;

  @Column(name = "application_id", nullable = false, updatable = false)
  private Long applicationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 10)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  private Status status;

  @Column(name = "invoice_number", nullable = false, updatable = false, length = 50)
  private String invoiceNumber;

  @Column(name = "amount", updatable = false, precision = 10, scale = 2)
  private BigDecimal amount;

  @Column(name = "reverses_invoice_id", updatable = false)
  private Long reversesInvoiceId;

  @Column(name = "reason", updatable = false, length = 500)
  private String reason;

  @Column(name = "file_name", updatable = false, length = 200)
  private String fileName;

  @Column(name = "content_type", updatable = false, length = 50)
  private String contentType;

  @Column(name = "size_bytes", updatable = false)
  private Long size;

  @Column(name = "sha256", updatable = false, length = 64)
  private String sha256;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", updatable = false)
  private byte[] content;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private LocalDateTime issuedAt;

  @Column(name = "issued_by", nullable = false, updatable = false, length = 64)
  private String issuedBy;

  protected Invoice() {}

  Invoice(
      long applicationId,
      Kind kind,
      String invoiceNumber,
      BigDecimal amount,
      Long reversesInvoiceId,
      String reason,
      InvoiceFile file,
      String issuedBy,
      LocalDateTime issuedAt) {
    this.applicationId = applicationId;
    this.kind = Objects.requireNonNull(kind);
    this.status = Status.ISSUED;
    this.invoiceNumber = Objects.requireNonNull(invoiceNumber);
    this.amount = amount;
    this.reversesInvoiceId = reversesInvoiceId;
    this.reason = reason;
    if (file != null) {
      this.content = file.content().clone();
      this.fileName = file.fileName();
      this.contentType = file.format().contentType();
      this.size = (long) file.content().length;
      this.sha256 = file.sha256();
    }
    this.issuedBy = Objects.requireNonNull(issuedBy);
    this.issuedAt = Objects.requireNonNull(issuedAt);
  }

  /** A red-letter invoice reversed this one. */
  void reverse() {
    status = Status.REVERSED;
  }

  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public Kind getKind() {
    return kind;
  }

  public Status getStatus() {
    return status;
  }

  /** 发票号码: the 20 digits of a 数电发票. */
  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public Long getReversesInvoiceId() {
    return reversesInvoiceId;
  }

  /** Why a red-letter invoice was issued. */
  public String getReason() {
    return reason;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public boolean hasFile() {
    return contentType != null;
  }

  public LocalDateTime getIssuedAt() {
    return issuedAt;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  byte[] content() {
    return content == null ? null : content.clone();
  }
}
