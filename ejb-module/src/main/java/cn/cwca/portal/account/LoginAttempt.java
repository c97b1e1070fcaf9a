package cn.cwca.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One login attempt, kept in the database so that the throttling holds across every server of the
 * cluster. Timestamps are UTC.
 */
@Entity
@Table(name = "login_attempt")
@NamedQuery(
    name = LoginAttempt.FAILURES_FOR_LOGIN_NAME,
    query =
        "SELECT a.attemptedAt FROM LoginAttempt a WHERE a.loginName = :loginName AND a.succeeded = FALSE"
            + " AND a.attemptedAt > :since ORDER BY a.attemptedAt DESC")
@NamedQuery(
    name = LoginAttempt.FAILURES_FROM_ADDRESS,
    query =
        "SELECT a.attemptedAt FROM LoginAttempt a WHERE a.remoteAddress = :remoteAddress"
            + " AND a.succeeded = FALSE AND a.attemptedAt > :since ORDER BY a.attemptedAt DESC")
@NamedQuery(
    name = LoginAttempt.LAST_SUCCESS_FOR_LOGIN_NAME,
    query =
        "SELECT MAX(a.attemptedAt) FROM LoginAttempt a WHERE a.loginName = :loginName AND a.succeeded = TRUE"
            + " AND a.attemptedAt > :since")
public class LoginAttempt {

  static final String FAILURES_FOR_LOGIN_NAME = "LoginAttempt.failuresForLoginName";
  static final String FAILURES_FROM_ADDRESS = "LoginAttempt.failuresFromAddress";
  static final String LAST_SUCCESS_FOR_LOGIN_NAME = "LoginAttempt.lastSuccessForLoginName";

  /** Longest login name kept; longer input is cut (it cannot be an account anyway). */
  static final int MAX_LOGIN_NAME = 64;

  /** Longest address kept (an IPv6 address with a zone fits). */
  static final int MAX_REMOTE_ADDRESS = 64;

  @Id
  @SequenceGenerator(
      name = "login_attempt_seq",
      sequenceName = "login_attempt_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_attempt_seq")
  private Long id;

  @Column(name = "login_name", nullable = false, length = MAX_LOGIN_NAME)
  private String loginName;

  @Column(name = "remote_address", nullable = false, length = MAX_REMOTE_ADDRESS)
  private String remoteAddress;

  @Column(name = "succeeded", nullable = false)
  private boolean succeeded;

  @Column(name = "attempted_at", nullable = false)
  private LocalDateTime attemptedAt;

  protected LoginAttempt() {}

  LoginAttempt(
      String loginName, String remoteAddress, boolean succeeded, LocalDateTime attemptedAt) {
    this.loginName = cut(loginName, MAX_LOGIN_NAME);
    this.remoteAddress = cut(remoteAddress, MAX_REMOTE_ADDRESS);
    this.succeeded = succeeded;
    this.attemptedAt = attemptedAt;
  }

  static String cut(String value, int max) {
    String text = value == null ? "" : value;
    return text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public String getLoginName() {
    return loginName;
  }

  public String getRemoteAddress() {
    return remoteAddress;
  }

  public boolean isSucceeded() {
    return succeeded;
  }

  public LocalDateTime getAttemptedAt() {
    return attemptedAt;
  }
}
