package cn.cwca.portal.keylogin;

import cn.cwca.portal.account.Role;
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

/**
 * The login policy of one staff role: whether its members must log in with the certificate on their
 * USB key as well as the password. One row per staff role (migration V19); times are UTC.
 */
@Entity
@Table(name = "role_policy")
@NamedQuery(name = RolePolicy.ALL, query = "SELECT p FROM RolePolicy p ORDER BY p.role")
public class RolePolicy implements Serializable {

  static final String ALL = "RolePolicy.all";

  private static final long serialVersionUID = 1L;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, updatable = false, length = 20)
  private Role role;

  @Version private long version;

  @Column(name = "key_login_required", nullable = false)
  private boolean keyLoginRequired;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected RolePolicy() {}

  /**
   * Requires the key of the role's members or not.
   *
   * @return whether this changed the policy
   */
  boolean requireKeyLogin(boolean required, LocalDateTime now) {
    if (keyLoginRequired == required) {
      return false;
    }
    keyLoginRequired = required;
    updatedAt = now;
    return true;
  }

  public Role getRole() {
    return role;
  }

  public long getVersion() {
    return version;
  }

  public boolean isKeyLoginRequired() {
    return keyLoginRequired;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
