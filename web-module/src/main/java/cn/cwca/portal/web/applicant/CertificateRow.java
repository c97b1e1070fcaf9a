package cn.cwca.portal.web.applicant;

import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateStatus;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One row of 我的证书: a certificate the CA issued to the caller, as the page shows it. Its status is
 * the registry's revocation, or else where its validity stands (the same statuses and renewal
 * window as a certificate read from the key).
 */
public final class CertificateRow implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The label key suffix of a revoked certificate's status. */
  public static final String REVOKED = "REVOKED";

  private final String serialHex;
  private final String subject;
  private final String keyAlgorithm;
  private final LocalDateTime notBefore;
  private final LocalDateTime notAfter;
  private final String status;
  private final long daysLeft;
  private final LocalDateTime revokedAt;
  private final String revocationReason;

  private CertificateRow(CertificateRecord r, Instant now) {
    this.serialHex = r.getSerialHex();
    this.subject = r.getSubjectDn();
    this.keyAlgorithm = r.getKeyAlgorithm();
    this.notBefore = r.getNotBefore();
    this.notAfter = r.getNotAfter();
    Instant end = notAfter.toInstant(ZoneOffset.UTC);
    boolean revoked = r.getStatus() == CertificateStatus.REVOKED;
    this.status =
        revoked
            ? REVOKED
            : KeyCertificate.statusAt(
                    notBefore, notAfter, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .name();
    this.daysLeft = KeyCertificate.daysLeft(end, now);
    this.revokedAt = r.getRevokedAt();
    this.revocationReason = r.getRevocationReason();
  }

  static CertificateRow of(CertificateRecord record, Instant now) {
    return new CertificateRow(record, now);
  }

  /** The serial number, lower-case hex as the registry keeps it (the download's parameter). */
  public String getSerialHex() {
    return serialHex;
  }

  /** The serial number as certificate viewers show it: upper-case hex. */
  public String getSerialNumber() {
    return serialHex.toUpperCase(Locale.ROOT);
  }

  /** The subject, RFC 4514. */
  public String getSubject() {
    return subject;
  }

  /** The key algorithm's name ({@code EC_P256}, {@code RSA_2048}, {@code SM2}, ...). */
  public String getKeyAlgorithm() {
    return keyAlgorithm;
  }

  /** Start of validity, UTC (shown with the {@code beijingTime} converter). */
  public LocalDateTime getNotBefore() {
    return notBefore;
  }

  /** End of validity, UTC. */
  public LocalDateTime getNotAfter() {
    return notAfter;
  }

  /**
   * {@link #REVOKED} or a {@link KeyCertificate.Status} name: the suffix of its label ({@code
   * key.status.*}).
   */
  public String getStatus() {
    return status;
  }

  /** Whole days until the end of validity; 0 once expired. */
  public long getDaysLeft() {
    return daysLeft;
  }

  /** When it was revoked, UTC; null unless revoked. */
  public LocalDateTime getRevokedAt() {
    return revokedAt;
  }

  /** The RFC 5280 reason's name ({@code KEY_COMPROMISE}, ...); null unless revoked. */
  public String getRevocationReason() {
    return revocationReason;
  }
}
