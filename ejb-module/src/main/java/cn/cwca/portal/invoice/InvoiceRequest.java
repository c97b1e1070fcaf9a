package cn.cwca.portal.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * 开票信息 of an order: the buyer its 数电发票 is made out to, one per order, kept with it and changed by
 * the applicant until the invoice is issued (again after a red-letter reversal). Values reaching it
 * are already checked ({@link InvoiceBuyer#checked()}). Times are UTC.
 */
@Entity
@Table(name = "invoice_request")
@NamedQuery(
    name = InvoiceRequest.OF_ORDERS,
    query = "SELECT r FROM InvoiceRequest r WHERE r.applicationId IN :ids")
public class InvoiceRequest implements Serializable {

  static final String OF_ORDERS = "InvoiceRequest.ofOrders";

  private static final long serialVersionUID = 1L;

  @Id
  @Column(name = "application_id", nullable = false, updatable = false)
  private Long applicationId;

  @Version private long version;

  @Enumerated(EnumType.STRING)
  @Column(name = "buyer_kind", nullable = false, length = 20)
  private BuyerKind kind;

  @Column(name = "buyer_name", nullable = false, length = 100)
  private String name;

  @Column(name = "buyer_tax_id", nullable = false, length = 20)
  private String taxId;

  @Column(name = "buyer_address", length = 200)
  private String address;

  @Column(name = "buyer_email", length = 100)
  private String email;

  @Column(name = "buyer_phone", nullable = false, length = 20)
  private String phone;

  @Column(name = "buyer_bank", length = 100)
  private String bank;

  @Column(name = "buyer_account", length = 34)
  private String bankAccount;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected InvoiceRequest() {}

  InvoiceRequest(long applicationId, InvoiceBuyer checked, LocalDateTime now) {
    this.applicationId = applicationId;
    record(checked, now);
  }

  /** Replaces the buyer with the checked one. */
  void record(InvoiceBuyer checked, LocalDateTime now) {
    this.kind = Objects.requireNonNull(checked.kind());
    this.name = Objects.requireNonNull(checked.name());
    this.taxId = Objects.requireNonNull(checked.taxId());
    this.address = checked.address();
    this.email = checked.email();
    this.phone = Objects.requireNonNull(checked.phone());
    this.bank = checked.bank();
    this.bankAccount = checked.bankAccount();
    this.updatedAt = Objects.requireNonNull(now);
  }

  /** The buyer as stored. */
  public InvoiceBuyer buyer() {
    return new InvoiceBuyer(kind, name, taxId, address, email, phone, bank, bankAccount);
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public long getVersion() {
    return version;
  }

  /** When the applicant last saved it (UTC). */
  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
