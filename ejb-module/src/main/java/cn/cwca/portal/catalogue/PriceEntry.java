package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the price table: the price in yuan of a service type for a key (first or further) and
 * a number of years (0 for the types without 证书年限), with the part of it that is the USB key's, for
 * an applicant type (or both) from a Beijing date on. A change of price is a new row; a row is
 * retired, never deleted or changed. See {@link PriceTable}.
 */
@Entity
@Table(name = "price_entry")
@NamedQueries({
  @NamedQuery(
      name = PriceEntry.ALL,
      query =
          "SELECT p FROM PriceEntry p WHERE p.retired = false"
              + " ORDER BY p.serviceType, p.furtherKey, p.years, p.appliesFrom"),
  @NamedQuery(
      name = PriceEntry.EVERY,
      query =
          "SELECT p FROM PriceEntry p"
              + " ORDER BY p.serviceType, p.furtherKey, p.years, p.applicantScope, p.appliesFrom")
})
public class PriceEntry implements Serializable {

  /** The rows not retired. */
  static final String ALL = "PriceEntry.all";

  /** Every row, retired ones too, for the administrators. */
  static final String EVERY = "PriceEntry.every";

  /** The first day of the seeded prices (V16). */
  public static final LocalDate SEEDED_FROM = LocalDate.of(2000, 1, 1);

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Version
  @Column(name = "version")
  private long version;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_type", nullable = false, length = 30)
  private ServiceType serviceType;

  @Column(name = "further_key", nullable = false)
  private boolean furtherKey;

  @Column(name = "years", nullable = false)
  private int years;

  @Column(name = "amount", nullable = false, precision = 10, scale = 2)
  private BigDecimal amount;

  @Column(name = "key_amount", nullable = false, precision = 10, scale = 2)
  private BigDecimal keyAmount;

  @Enumerated(EnumType.STRING)
  @Column(name = "applicant_type", nullable = false, length = 20)
  private ApplicantScope applicantScope = ApplicantScope.BOTH;

  @Column(name = "applies_from", nullable = false)
  private LocalDate appliesFrom = SEEDED_FROM;

  @Column(name = "retired", nullable = false)
  private boolean retired;

  protected PriceEntry() {}

  public PriceEntry(ServiceType serviceType, boolean furtherKey, int years, BigDecimal amount) {
    this(serviceType, furtherKey, years, amount, BigDecimal.ZERO);
  }

  public PriceEntry(
      ServiceType serviceType,
      boolean furtherKey,
      int years,
      BigDecimal amount,
      BigDecimal keyAmount) {
    this.serviceType = Objects.requireNonNull(serviceType);
    this.furtherKey = furtherKey;
    this.years = years;
    this.amount = Objects.requireNonNull(amount);
    this.keyAmount = Objects.requireNonNull(keyAmount);
  }

  /** A new price of the key, years and applicant type from a day on (checked by the caller). */
  public PriceEntry(
      ServiceType serviceType,
      boolean furtherKey,
      int years,
      ApplicantScope applicantScope,
      LocalDate appliesFrom,
      PriceQuote price) {
    this(serviceType, furtherKey, years, price.amount(), price.keyAmount());
    this.applicantScope = Objects.requireNonNull(applicantScope);
    this.appliesFrom = Objects.requireNonNull(appliesFrom);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public boolean isFurtherKey() {
    return furtherKey;
  }

  /** 证书年限; 0 for 变更 and 丢失补办, which keep the certificate's validity. */
  public int getYears() {
    return years;
  }

  /** Yuan, two decimals, in all. */
  public BigDecimal getAmount() {
    return amount;
  }

  /** The part of {@link #getAmount()} that is the USB key's. */
  public BigDecimal getKeyAmount() {
    return keyAmount;
  }

  public ApplicantScope getApplicantScope() {
    return applicantScope;
  }

  /** The Beijing day from which the price applies. */
  public LocalDate getAppliesFrom() {
    return appliesFrom;
  }

  /** Retired: no longer applies (orders keep the amount they were submitted with). */
  public boolean isRetired() {
    return retired;
  }

  void retire() {
    retired = true;
  }

  /**
   * Whether this row prices the same key and years as the other, for the applicants the other is
   * for (its own scope, or both types): the row the other replaces for them.
   */
  public boolean pricesTheSameFor(PriceEntry other) {
    return serviceType == other.serviceType
        && furtherKey == other.furtherKey
        && years == other.years
        && (applicantScope == other.applicantScope || applicantScope == ApplicantScope.BOTH);
  }

  /** Whether this row is for the same key, years and applicant type as the other. */
  public boolean samePriceAs(PriceEntry other) {
    return serviceType == other.serviceType
        && furtherKey == other.furtherKey
        && years == other.years
        && applicantScope == other.applicantScope;
  }

  /** For the audit trail: {@code RENEW/first key/2y/BOTH 380.00 (key 0.00) from 2026-12-08}. */
  public String describe() {
    return serviceType
        + (furtherKey ? "/further key/" : "/first key/")
        + years
        + "y/"
        + applicantScope
        + " "
        + amount.toPlainString()
        + " (key "
        + keyAmount.toPlainString()
        + ") from "
        + appliesFrom;
  }

  /** The price as a quote. */
  public PriceQuote quote() {
    return PriceQuote.itemised(amount, keyAmount);
  }
}
