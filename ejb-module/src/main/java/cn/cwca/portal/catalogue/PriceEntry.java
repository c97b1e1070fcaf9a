package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of the price table: the price in yuan of a service type for a key (first or further) and
 * a number of years (0 for the types without 证书年限), with the part of it that is the USB key's.
 * Reference data; see {@link PriceTable}.
 */
@Entity
@Table(name = "price_entry")
@NamedQuery(
    name = PriceEntry.ALL,
    query = "SELECT p FROM PriceEntry p ORDER BY p.serviceType, p.furtherKey, p.years")
public class PriceEntry implements Serializable {

  static final String ALL = "PriceEntry.all";

  private static final long serialVersionUID = 1L;

  @Id
  @Column(name = "id")
  private Long id;

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

  /** The price as a quote. */
  public PriceQuote quote() {
    return PriceQuote.itemised(amount, keyAmount);
  }
}
