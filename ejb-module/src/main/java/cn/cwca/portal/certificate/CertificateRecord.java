package cn.cwca.portal.certificate;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An issued certificate as the registry knows it: its owner, profile, validity and revocation.
 * Times are UTC.
 */
@Entity
@Table(name = "issued_certificate")
@NamedQuery(
    name = CertificateRecord.VALID_OF_OWNER,
    query =
        "SELECT c FROM CertificateRecord c WHERE c.ownerLoginName = :owner"
            + " AND c.status = cn.cwca.portal.certificate.CertificateStatus.VALID"
            + " AND c.notAfter > :now ORDER BY c.notAfter DESC")
@NamedQuery(
    name = CertificateRecord.OF_OWNER,
    query =
        "SELECT c FROM CertificateRecord c WHERE c.ownerLoginName = :owner ORDER BY c.issuedAt DESC")
@NamedQuery(
    name = CertificateRecord.BY_SERIAL,
    query = "SELECT c FROM CertificateRecord c WHERE c.serialHex = :serial")
@NamedQuery(
    name = CertificateRecord.REVOKED_OF_ISSUER,
    query =
        "SELECT c FROM CertificateRecord c"
            + " WHERE c.status = cn.cwca.portal.certificate.CertificateStatus.REVOKED"
            + " AND c.issuerKeyId = :issuer ORDER BY c.revokedAt")
@NamedQuery(
    name = CertificateRecord.REVOKED_OF_CURRENT_ISSUER,
    query =
        "SELECT c FROM CertificateRecord c"
            + " WHERE c.status = cn.cwca.portal.certificate.CertificateStatus.REVOKED"
            + " AND (c.issuerKeyId = :issuer OR c.issuerKeyId IS NULL) ORDER BY c.revokedAt")
@NamedQuery(
    name = CertificateRecord.ISSUERS_BY_AGE,
    query =
        "SELECT c.issuerKeyId FROM CertificateRecord c WHERE c.issuerKeyId IS NOT NULL"
            + " ORDER BY c.issuedAt, c.id")
public class CertificateRecord implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String VALID_OF_OWNER = "CertificateRecord.validOfOwner";
  static final String OF_OWNER = "CertificateRecord.ofOwner";
  static final String BY_SERIAL = "CertificateRecord.bySerial";
  static final String REVOKED_OF_ISSUER = "CertificateRecord.revokedOfIssuer";
  static final String REVOKED_OF_CURRENT_ISSUER = "CertificateRecord.revokedOfCurrentIssuer";
  static final String ISSUERS_BY_AGE = "CertificateRecord.issuersByAge";

  @Id
  @SequenceGenerator(
      name = "issued_certificate_seq",
      sequenceName = "issued_certificate_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issued_certificate_seq")
  private Long id;

  @Version private long version;

  @Column(name = "serial_hex", nullable = false, updatable = false)
  private String serialHex;

  @Column(name = "subject_dn", nullable = false, updatable = false)
  private String subjectDn;

  @Column(name = "owner_login_name", nullable = false, updatable = false)
  private String ownerLoginName;

  @Column(nullable = false, updatable = false)
  private String profile;

  @Column(name = "key_algorithm", nullable = false, updatable = false)
  private String keyAlgorithm;

  @Column(name = "not_before", nullable = false, updatable = false)
  private LocalDateTime notBefore;

  @Column(name = "not_after", nullable = false, updatable = false)
  private LocalDateTime notAfter;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CertificateStatus status;

  @Column(name = "revoked_at")
  private LocalDateTime revokedAt;

  @Column(name = "revocation_reason")
  private String revocationReason;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] der;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private LocalDateTime issuedAt;

  /**
   * The key id of the issuing CA that signed it (CaIssuer.keyId); null for a certificate of the
   * current issuing CA whose DER names no authority key identifier (see V12).
   */
  @Column(name = "issuer_key_id", updatable = false)
  private String issuerKeyId;

  protected CertificateRecord() {}

  /** What the registry records of a certificate the CA just issued. */
  public record Issued(
      String serialHex,
      String subjectDn,
      String ownerLoginName,
      String profile,
      String keyAlgorithm,
      LocalDateTime notBefore,
      LocalDateTime notAfter,
      byte[] der,
      String issuerKeyId) {}

  public CertificateRecord(Issued issued, LocalDateTime issuedAt) {
    this.serialHex = Objects.requireNonNull(issued.serialHex());
    this.subjectDn = issued.subjectDn();
    this.ownerLoginName = issued.ownerLoginName();
    this.profile = issued.profile();
    this.keyAlgorithm = issued.keyAlgorithm();
    this.notBefore = issued.notBefore();
    this.notAfter = issued.notAfter();
    this.der = issued.der().clone();
    this.status = CertificateStatus.VALID;
    this.issuedAt = issuedAt;
    this.issuerKeyId = issued.issuerKeyId();
  }

  /**
   * Marks the certificate revoked; revoking twice keeps the first time and reason (a retried
   * request changes nothing).
   *
   * @return whether this call revoked it
   */
  public boolean revoke(String reason, LocalDateTime at) {
    if (status == CertificateStatus.REVOKED) {
      return false;
    }
    status = CertificateStatus.REVOKED;
    revocationReason = reason;
    revokedAt = at;
    return true;
  }

  /** Valid: not revoked and inside its validity period at {@code now} (UTC). */
  public boolean isValidAt(LocalDateTime now) {
    return status == CertificateStatus.VALID && !now.isBefore(notBefore) && now.isBefore(notAfter);
  }

  public Long getId() {
    return id;
  }

  public String getSerialHex() {
    return serialHex;
  }

  public String getSubjectDn() {
    return subjectDn;
  }

  public String getOwnerLoginName() {
    return ownerLoginName;
  }

  public String getProfile() {
    return profile;
  }

  public String getKeyAlgorithm() {
    return keyAlgorithm;
  }

  public LocalDateTime getNotBefore() {
    return notBefore;
  }

  public LocalDateTime getNotAfter() {
    return notAfter;
  }

  public CertificateStatus getStatus() {
    return status;
  }

  public LocalDateTime getRevokedAt() {
    return revokedAt;
  }

  public String getRevocationReason() {
    return revocationReason;
  }

  public byte[] getDer() {
    return der.clone();
  }

  public LocalDateTime getIssuedAt() {
    return issuedAt;
  }

  public String getIssuerKeyId() {
    return issuerKeyId;
  }

  /**
   * Whether the issuing CA with this key id signed it: the one recorded, or for a row without one
   * the current issuing CA.
   */
  public boolean issuedBy(String keyId, String currentKeyId) {
    return issuerKeyId != null ? issuerKeyId.equals(keyId) : keyId.equals(currentKeyId);
  }
}
