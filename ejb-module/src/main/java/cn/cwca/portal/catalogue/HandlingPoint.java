package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;

/**
 * 办理点: an office that ships keys (发货地址) or hands them over (取证地址), with its opening hours and
 * telephone. Edited by the administrators ({@link CatalogueService}); retired rather than deleted,
 * since orders name it.
 */
@Entity
@Table(name = "handling_point")
@NamedQuery(
    name = HandlingPoint.ALL,
    query = "SELECT h FROM HandlingPoint h ORDER BY h.sortOrder, h.code")
public class HandlingPoint implements Serializable {

  static final String ALL = "HandlingPoint.all";

  private static final long serialVersionUID = 1L;

  @Id
  @Column(name = "code", length = 30)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "address", nullable = false, length = 200)
  private String address;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(name = "hours", nullable = false, length = 100)
  private String hours = "";

  @Column(name = "phone", nullable = false, length = 30)
  private String phone = "";

  @Column(name = "ships", nullable = false)
  private boolean ships = true;

  @Column(name = "hands_over", nullable = false)
  private boolean handsOver = true;

  @Column(name = "retired", nullable = false)
  private boolean retired;

  @Version
  @Column(name = "version")
  private long version;

  protected HandlingPoint() {}

  public HandlingPoint(String code, String name, String address) {
    this.code = Objects.requireNonNull(code);
    this.name = Objects.requireNonNull(name);
    this.address = Objects.requireNonNull(address);
  }

  /** A new point with checked details, shown after the others. */
  HandlingPoint(String code, HandlingPointDetails details, int sortOrder) {
    this(code, details.name(), details.address());
    this.sortOrder = sortOrder;
    update(details);
  }

  /** Replaces the details (checked by the caller). */
  void update(HandlingPointDetails details) {
    name = details.name();
    address = details.address();
    hours = details.hours() == null ? "" : details.hours();
    phone = details.phone() == null ? "" : details.phone();
    ships = details.ships();
    handsOver = details.handsOver();
  }

  /** The details as they are now. */
  public HandlingPointDetails details() {
    return new HandlingPointDetails(name, address, hours, phone, ships, handsOver);
  }

  /** Stable identifier, e.g. {@code SD_LIAOCHENG}. */
  public String getCode() {
    return code;
  }

  /** Shown in the progress grid's 办理点 column, e.g. 山东聊城办理点. */
  public String getName() {
    return name;
  }

  /** 发货地址 of a shipped key, 取证地址 of a collected one. */
  public String getAddress() {
    return address;
  }

  /** 营业时间, free text; empty when not given. */
  public String getHours() {
    return hours;
  }

  /** 联系电话; empty when not given. */
  public String getPhone() {
    return phone;
  }

  /** Whether it ships keys (邮寄-收方付). */
  public boolean isShips() {
    return ships;
  }

  /** Whether it hands keys over (自取). */
  public boolean isHandsOver() {
    return handsOver;
  }

  /** Whether it may serve the method: shipping for 邮寄, handing over for 自取; any for 自助. */
  public boolean serves(PickupMethod method) {
    return switch (method) {
      case COURIER -> ships;
      case PICKUP -> handsOver;
      case SELF_SERVICE -> true;
    };
  }

  /** Retired: offered no more; the orders that name it keep its name and address. */
  public boolean isRetired() {
    return retired;
  }

  void setRetired(boolean retired) {
    this.retired = retired;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  public long getVersion() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandlingPoint other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return "HandlingPoint[" + code + "]";
  }
}
