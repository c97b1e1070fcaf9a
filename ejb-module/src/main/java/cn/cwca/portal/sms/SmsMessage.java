package cn.cwca.portal.sms;

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

/** A text message in the outbox. Timestamps are UTC. */
@Entity
@Table(name = "sms_outbox")
@NamedQuery(
    name = SmsMessage.LATEST,
    query = "SELECT m FROM SmsMessage m ORDER BY m.sentAt DESC, m.id DESC")
@NamedQuery(name = SmsMessage.COUNT, query = "SELECT COUNT(m) FROM SmsMessage m")
public class SmsMessage implements Serializable {

  static final String LATEST = "SmsMessage.latest";
  static final String COUNT = "SmsMessage.count";

  private static final long serialVersionUID = 1L;

  @Id
  @SequenceGenerator(name = "sms_outbox_seq", sequenceName = "sms_outbox_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sms_outbox_seq")
  private Long id;

  @Column(name = "mobile", nullable = false, updatable = false, length = 11)
  private String mobile;

  @Column(name = "text", nullable = false, updatable = false, length = 500)
  private String text;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private LocalDateTime sentAt;

  protected SmsMessage() {}

  SmsMessage(String mobile, String text, LocalDateTime sentAt) {
    this.mobile = mobile;
    this.text = text;
    this.sentAt = sentAt;
  }

  public Long getId() {
    return id;
  }

  public String getMobile() {
    return mobile;
  }

  public String getText() {
    return text;
  }

  /** When the message was handed to the gateway (UTC). */
  public LocalDateTime getSentAt() {
    return sentAt;
  }
}
