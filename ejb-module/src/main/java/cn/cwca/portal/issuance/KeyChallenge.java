package cn.cwca.portal.issuance;

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
 * A nonce the server gave a caller for one proof of possession, for one purpose (the 制证 of one
 * order); single use, valid a few minutes. Kept in the database, so that any server of a cluster
 * checks the proof. Times are UTC.
 */
@Entity
@Table(name = "key_challenge")
@NamedQuery(
    name = KeyChallenge.BY_NONCE,
    query = "SELECT c FROM KeyChallenge c WHERE c.nonce = :nonce")
public class KeyChallenge implements Serializable {

  static final String BY_NONCE = "KeyChallenge.byNonce";

  private static final long serialVersionUID = 1L;

  @Id
  @SequenceGenerator(
      name = "key_challenge_seq",
      sequenceName = "key_challenge_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "key_challenge_seq")
  private Long id;

  @Column(name = "nonce", nullable = false, updatable = false, length = 64)
  private String nonce;

  @Column(name = "login_name", nullable = false, updatable = false, length = 64)
  private String loginName;

  @Column(name = "purpose", nullable = false, updatable = false, length = 64)
  private String purpose;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private LocalDateTime expiresAt;

  @Column(name = "used_at")
  private LocalDateTime usedAt;

  protected KeyChallenge() {}

  KeyChallenge(
      String nonce, String loginName, String purpose, LocalDateTime now, LocalDateTime expiresAt) {
    this.nonce = Objects.requireNonNull(nonce);
    this.loginName = Objects.requireNonNull(loginName);
    this.purpose = Objects.requireNonNull(purpose);
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** Whether it may prove this caller's purpose now. */
  boolean answers(String caller, String forPurpose, LocalDateTime now) {
    return loginName.equals(caller) && isOpen(forPurpose, now);
  }

  /** Whether it is unused, of this purpose and not expired. */
  boolean isOpen(String forPurpose, LocalDateTime now) {
    return usedAt == null && purpose.equals(forPurpose) && now.isBefore(expiresAt);
  }

  void use(LocalDateTime now) {
    usedAt = now;
  }

  String nonce() {
    return nonce;
  }

  Long id() {
    return id;
  }

  String loginName() {
    return loginName;
  }

  LocalDateTime expiresAt() {
    return expiresAt;
  }
}
