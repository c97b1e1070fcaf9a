package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.KeyCertificates;
import cn.cwca.portal.application.RenewalWindow;
import cn.cwca.portal.common.BusinessException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A certificate read from the applicant's USB key (识别KEY), as the pages show it. A class with
 * getters, not a record: Expression Language 5 (Jakarta EE 10) does not read record components.
 */
public final class KeyCertificate implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * How many days before expiry a certificate may be renewed: the renewal window of the application
   * wizard, one rule for both (user manual 4.1: 请在西部 CA 锁已到期或到期前 60 天内，申请更新续期).
   */
  public static final int RENEWAL_DAYS = RenewalWindow.DAYS_BEFORE_EXPIRY;

  /** Where the certificate stands at a given time; the names are label keys' suffixes. */
  public enum Status {
    /** Valid for longer than {@value KeyCertificate#RENEWAL_DAYS} days. */
    VALID,
    /** Valid, and expires within {@value KeyCertificate#RENEWAL_DAYS} days: may be renewed. */
    EXPIRING,
    /** Expired: may be renewed. */
    EXPIRED,
    /** Not valid yet. */
    NOT_YET_VALID
  }

  /**
   * Reads a certificate (base64 DER, as the key agent lists it) as the services read it ({@link
   * KeyCertificates}).
   *
   * @throws IllegalArgumentException when it is not a base64 X.509 certificate
   */
  public static KeyCertificate parse(String base64Der, Instant now) {
    cn.cwca.portal.application.KeyCertificate read;
    try {
      read = KeyCertificates.parse(base64Der);
    } catch (BusinessException unreadable) {
      throw new IllegalArgumentException(
          "Not an X.509 certificate: " + unreadable.messageKey(), unreadable);
    }
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    return new KeyCertificate(
        read.subjectDn(),
        read.issuerDn(),
        read.serialHex().toUpperCase(Locale.ROOT),
        read.notBefore(),
        read.notAfter(),
        statusAt(read.notBefore(), read.notAfter(), at),
        daysLeft(read.notAfter().toInstant(ZoneOffset.UTC), now));
  }

  /**
   * Where a certificate valid from {@code notBefore} to {@code notAfter} stands at {@code now}
   * (UTC); within the renewal window of {@link RenewalWindow} it is expiring.
   */
  static Status statusAt(LocalDateTime notBefore, LocalDateTime notAfter, LocalDateTime now) {
    if (now.isBefore(notBefore)) {
      return Status.NOT_YET_VALID;
    } else if (now.isAfter(notAfter)) {
      return Status.EXPIRED;
    } else if (RenewalWindow.isOpen(notAfter, now)) {
      return Status.EXPIRING;
    }
    return Status.VALID;
  }

  /** Whole days from {@code now} until {@code notAfter}; 0 once expired. */
  static long daysLeft(Instant notAfter, Instant now) {
    return Math.max(0, Duration.between(now, notAfter).toDays());
  }

  private final String subject;
  private final String issuer;
  private final String serialNumber;
  private final LocalDateTime notBefore;
  private final LocalDateTime notAfter;
  private final Status status;
  private final long daysLeft;

  private KeyCertificate(
      String subject,
      String issuer,
      String serialNumber,
      LocalDateTime notBefore,
      LocalDateTime notAfter,
      Status status,
      long daysLeft) {
    this.subject = subject;
    this.issuer = issuer;
    this.serialNumber = serialNumber;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.status = status;
    this.daysLeft = daysLeft;
  }

  /** The subject, RFC 2253 (as the key agent lists it). */
  public String getSubject() {
    return subject;
  }

  /** The issuer, RFC 2253. */
  public String getIssuer() {
    return issuer;
  }

  /** The serial number, upper-case hex. */
  public String getSerialNumber() {
    return serialNumber;
  }

  /** Start of validity, UTC (shown with the {@code beijingTime} converter). */
  public LocalDateTime getNotBefore() {
    return notBefore;
  }

  /** End of validity, UTC. */
  public LocalDateTime getNotAfter() {
    return notAfter;
  }

  /** Valid, within the renewal window, expired or not yet valid, at the time it was read. */
  public Status getStatus() {
    return status;
  }

  /** Whole days until the end of validity; 0 once expired. */
  public long getDaysLeft() {
    return daysLeft;
  }

  /** Whether the certificate may be renewed now (expired, or within the renewal window). */
  public boolean isRenewable() {
    return status == Status.EXPIRING || status == Status.EXPIRED;
  }
}
