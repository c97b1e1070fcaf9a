package cn.cwca.portal.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * 邮寄-收方付: a waybill an order's key left with. A lost parcel is shipped again with a new waybill;
 * the old one is kept, superseded. Times are UTC.
 */
@Entity
@Table(name = "shipment")
@NamedQuery(
    name = Shipment.CURRENT_OF_ORDERS,
    query = "SELECT s FROM Shipment s WHERE s.applicationId IN :ids AND s.supersededAt IS NULL")
@NamedQuery(
    name = Shipment.COUNT_BY_WAYBILL,
    query = "SELECT COUNT(s) FROM Shipment s WHERE s.waybillNumber = :waybill")
public class Shipment implements Serializable {

  public static final String CURRENT_OF_ORDERS = "Shipment.currentOfOrders";

  /** Shipments (current or superseded, of any order) with a waybill number. */
  static final String COUNT_BY_WAYBILL = "Shipment.countByWaybill";

  private static final long serialVersionUID = 1L;

  @Id
  @SequenceGenerator(name = "shipment_seq", sequenceName = "shipment_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_seq")
  private Long id;

  @Column(name = "application_id", nullable = false, updatable = false)
  private Long applicationId;

  @Column(name = "courier_company", nullable = false, updatable = false, length = 50)
  private String courierCompany;

  @Column(name = "waybill_number", nullable = false, updatable = false, length = 30)
  private String waybillNumber;

  @Column(name = "shipped_at", nullable = false, updatable = false)
  private LocalDateTime shippedAt;

  @Column(name = "shipped_by", nullable = false, updatable = false, length = 64)
  private String shippedBy;

  @Column(name = "superseded_at")
  private LocalDateTime supersededAt;

  @Column(name = "superseded_reason", length = 200)
  private String supersededReason;

  protected Shipment() {}

  public Shipment(
      long applicationId,
      String courierCompany,
      String waybillNumber,
      String shippedBy,
      LocalDateTime shippedAt) {
    this.applicationId = applicationId;
    this.courierCompany = Objects.requireNonNull(courierCompany);
    this.waybillNumber = Objects.requireNonNull(waybillNumber);
    this.shippedBy = Objects.requireNonNull(shippedBy);
    this.shippedAt = Objects.requireNonNull(shippedAt);
  }

  /** A new waybill takes this one's place (a lost parcel shipped again). */
  public void supersede(String reason, LocalDateTime now) {
    supersededAt = now;
    supersededReason = reason;
  }

  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public String getCourierCompany() {
    return courierCompany;
  }

  public String getWaybillNumber() {
    return waybillNumber;
  }

  public LocalDateTime getShippedAt() {
    return shippedAt;
  }

  public String getShippedBy() {
    return shippedBy;
  }

  public LocalDateTime getSupersededAt() {
    return supersededAt;
  }

  public String getSupersededReason() {
    return supersededReason;
  }
}
