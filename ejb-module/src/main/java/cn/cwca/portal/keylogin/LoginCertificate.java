package cn.cwca.portal.keylogin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The certificate whose key a staff member's USB key proves at login: a serial of the registry,
 * bound by an administrator. One per staff member; binding another replaces it. Times are UTC.
 */
@Entity
@Table(name = "staff_login_certificate")
@NamedQuery(
    name = LoginCertificate.ALL,
    query = "SELECT c FROM LoginCertificate c ORDER BY c.loginName")
public class LoginCertificate implements Serializable {

  static final String ALL = "LoginCertificate.all";

  private static final long serialVersionUID = 1L;

  @Id
  @Column(name = "login_name", nullable = false, updatable = false, length = 64)
  private String loginName;

  @Version private long version;

  @Column(name = "serial_hex", nullable = false, length = 40)
  private String serialHex;

  @Column(name = "bound_by", nullable = false, length = 64)
  private String boundBy;

  @Column(name = "bound_at", nullable = false)
  private LocalDateTime boundAt;

  protected LoginCertificate() {}

  LoginCertificate(String loginName, String serialHex, String boundBy, LocalDateTime now) {
    this.loginName = Objects.requireNonNull(loginName);
    rebind(serialHex, boundBy, now);
  }

  /** Binds another certificate in place of this one. */
  void rebind(String serialHex, String boundBy, LocalDateTime now) {
    this.serialHex = Objects.requireNonNull(serialHex);
    this.boundBy = Objects.requireNonNull(boundBy);
    this.boundAt = now;
  }

  public String getLoginName() {
    return loginName;
  }

  public long getVersion() {
    return version;
  }

  public String getSerialHex() {
    return serialHex;
  }

  public String getBoundBy() {
    return boundBy;
  }

  public LocalDateTime getBoundAt() {
    return boundAt;
  }
}
