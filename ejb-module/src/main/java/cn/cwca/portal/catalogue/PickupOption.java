package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;

/**
 * One allowed 取key方式: for a service type and key (first free key or further paid key), a method and
 * the handling point that ships, hands over or processes it (user manual 4.1.x.3); see {@link
 * PickupRules}. Added and retired by the administrators; an option of a retired handling point is
 * not offered.
 */
@Entity
@Table(name = "pickup_option")
@NamedQueries({
  @NamedQuery(
      name = PickupOption.ALL,
      query =
          "SELECT p FROM PickupOption p WHERE p.retired = false AND p.handlingPoint.retired = false"
              + " ORDER BY p.serviceType, p.furtherKey, p.sortOrder, p.id"),
  @NamedQuery(
      name = PickupOption.EVERY,
      query =
          "SELECT p FROM PickupOption p ORDER BY p.serviceType, p.furtherKey, p.sortOrder, p.id")
})
public class PickupOption implements Serializable {

  /** The options offered: not retired, of a handling point not retired. */
  static final String ALL = "PickupOption.all";

  /** Every option, retired ones too, for the administrators. */
  static final String EVERY = "PickupOption.every";

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Version
  @Column(name = "version")
  private long version;

  @Column(name = "retired", nullable = false)
  private boolean retired;

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

  /** A new option shown after the others of its service type and key. */
  PickupOption(
      ServiceType serviceType,
      boolean furtherKey,
      PickupMethod method,
      HandlingPoint point,
      int sortOrder) {
    this(serviceType, furtherKey, method, point);
    this.sortOrder = sortOrder;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  /** Retired: offered no more. */
  public boolean isRetired() {
    return retired;
  }

  void setRetired(boolean retired) {
    this.retired = retired;
  }

  /** Offered: neither it nor its handling point is retired. */
  public boolean isOffered() {
    return !retired && !handlingPoint.isRetired();
  }

  /** Whether it is the same rule as the other (service type, key, method, handling point). */
  public boolean sameRuleAs(
      ServiceType type, boolean further, PickupMethod pickupMethod, String pointCode) {
    return serviceType == type
        && furtherKey == further
        && method == pickupMethod
        && handlingPoint.getCode().equals(pointCode);
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
