package cn.cwca.portal.audit;

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

/**
 * One entry of the audit trail, never changed once written. The target names what was changed: the
 * login name for an account, {@code notice:<id>} for a notice. Details never hold a password or a
 * verification code. Timestamps are UTC.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = AuditEntry.FOR_TARGET,
    query =
        "SELECT e FROM AuditEntry e WHERE e.target = :target ORDER BY e.occurredAt DESC, e.id DESC")
public class AuditEntry implements Serializable {

  static final String FOR_TARGET = "AuditEntry.forTarget";

  private static final long serialVersionUID = 1L;

  static final int MAX_ACTOR = 64;
  static final int MAX_ACTION = 64;
  static final int MAX_TARGET = 128;
  static final int MAX_DETAILS = 4000;
  static final int MAX_REMOTE_ADDRESS = 64;

  @Id
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  private Long id;

  @Column(name = "actor", nullable = false, updatable = false, length = MAX_ACTOR)
  private String actor;

  @Column(name = "action", nullable = false, updatable = false, length = MAX_ACTION)
  private String action;

  @Column(name = "target", nullable = false, updatable = false, length = MAX_TARGET)
  private String target;

  @Column(name = "details", updatable = false, length = MAX_DETAILS)
  private String details;

  @Column(name = "remote_address", nullable = false, updatable = false, length = MAX_REMOTE_ADDRESS)
  private String remoteAddress;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private LocalDateTime occurredAt;

  /** Its place in the chain; null until chained, right after the commit that wrote it. */
  @Column(name = "seq", updatable = false)
  private Long seq;

  @Column(name = "prev_hash", updatable = false)
  private byte[] previousHash;

  @Column(name = "entry_hash", updatable = false)
  private byte[] entryHash;

  protected AuditEntry() {}

  AuditEntry(
      String actor,
      String action,
      String target,
      String details,
      String remoteAddress,
      LocalDateTime occurredAt) {
    this.actor = cut(actor, MAX_ACTOR);
    this.action = cut(action, MAX_ACTION);
    this.target = cut(target, MAX_TARGET);
    this.details = details == null ? null : cut(details, MAX_DETAILS);
    this.remoteAddress = cut(remoteAddress, MAX_REMOTE_ADDRESS);
    this.occurredAt = AuditHash.storedTime(occurredAt);
  }

  /** Puts this entry at {@code seq}, after the entry whose hash is {@code previous}. */
  void chain(long seq, byte[] previous) {
    this.seq = seq;
    this.previousHash = previous.clone();
    this.entryHash =
        AuditHash.of(seq, occurredAt, actor, action, target, details, remoteAddress, previous);
  }

  /**
   * The value cut to {@code max} characters; {@code null} and blank become "-" (the columns are
   * required).
   */
  static String cut(String value, int max) {
    String text = value == null || value.isBlank() ? "-" : value;
    return text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  /** Who acted: a login name, or "system". */
  public String getActor() {
    return actor;
  }

  /** What happened, e.g. {@code account.registered}. */
  public String getAction() {
    return action;
  }

  /** What was acted on: a login name or {@code notice:<id>}. */
  public String getTarget() {
    return target;
  }

  /** Changed fields and other facts, without secrets. */
  public String getDetails() {
    return details;
  }

  public String getRemoteAddress() {
    return remoteAddress;
  }

  /** When (UTC). */
  public LocalDateTime getOccurredAt() {
    return occurredAt;
  }

  /** Its place in the chain (1 for the first entry); null until chained. */
  public Long getSeq() {
    return seq;
  }

  byte[] getEntryHash() {
    return entryHash == null ? null : entryHash.clone();
  }

  @Override
  public String toString() {
    return "AuditEntry[" + id + ", " + actor + ", " + action + ", " + target + "]";
  }
}
