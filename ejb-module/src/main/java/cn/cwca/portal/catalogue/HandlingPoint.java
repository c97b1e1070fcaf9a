package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * 办理点: an office that ships keys (发货地址) or hands them over (取证地址). Reference data seeded by the
 * migration; read-only in this package.
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

  protected HandlingPoint() {}

  public HandlingPoint(String code, String name, String address) {
    this.code = Objects.requireNonNull(code);
    this.name = Objects.requireNonNull(name);
    this.address = Objects.requireNonNull(address);
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
