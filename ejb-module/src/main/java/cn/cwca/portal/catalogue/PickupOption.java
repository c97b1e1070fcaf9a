package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One allowed 取key方式: for a service type and key (first free key or further paid key), a method and
 * the handling point that ships, hands over or processes it. Reference data seeded by the migration
 * (user manual 4.1.x.3); see {@link PickupRules}.
 */
@Entity
@Table(name = "pickup_option")
@NamedQuery(
    name = PickupOption.ALL,
    query = "SELECT p FROM PickupOption p ORDER BY p.serviceType, p.furtherKey, p.sortOrder, p.id")
public class PickupOption implements Serializable {

  static final String ALL = "PickupOption.all";

  private static final long serialVersionUID = 1L;

  @Id
  @Column(name = "id")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_type", nullable = false, length = 30)
  private ServiceType serviceType;

  @Column(name = "further_key", nullable = false)
  private boolean furtherKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "pickup_method", nullable = false, length = 20)
  private PickupMethod method;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "handling_point_code", nullable = false)
  private HandlingPoint handlingPoint;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected PickupOption() {}

  public PickupOption(
      ServiceType serviceType, boolean furtherKey, PickupMethod method, HandlingPoint point) {
    this.serviceType = Objects.requireNonNull(serviceType);
    this.furtherKey = furtherKey;
    this.method = Objects.requireNonNull(method);
    this.handlingPoint = Objects.requireNonNull(point);
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  /** Whether this row is for a further (2nd+, paid) key rather than the first (free) one. */
  public boolean isFurtherKey() {
    return furtherKey;
  }

  public PickupMethod getMethod() {
    return method;
  }

  public HandlingPoint getHandlingPoint() {
    return handlingPoint;
  }

  @Override
  public String toString() {
    return "PickupOption["
        + serviceType
        + (furtherKey ? ", further key, " : ", first key, ")
        + method
        + ", "
        + handlingPoint.getCode()
        + "]";
  }
}
