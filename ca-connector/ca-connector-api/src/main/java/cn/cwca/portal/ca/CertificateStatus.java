package cn.cwca.portal.ca;

import java.time.Instant;
import java.util.Objects;

/** The status of a certificate that OCSP reports (RFC 6960 section 2.2). */
public sealed interface CertificateStatus
    permits CertificateStatus.Good, CertificateStatus.Revoked, CertificateStatus.Unknown {

  /** Issued by this CA, not revoked (expired certificates may still be reported good). */
  static CertificateStatus good() {
    return Good.INSTANCE;
  }

  /** Revoked at the given time for the given reason. */
  static CertificateStatus revoked(Instant revokedAt, RevocationReason reason) {
    return new Revoked(revokedAt, reason);
  }

  /** This CA has no record of the serial number. */
  static CertificateStatus unknown() {
    return Unknown.INSTANCE;
  }

  /** See {@link #good()}. */
  enum Good implements CertificateStatus {
    INSTANCE
  }

  /** See {@link #unknown()}. */
  enum Unknown implements CertificateStatus {
    INSTANCE
  }

  /** See {@link #revoked(Instant, RevocationReason)}. */
  record Revoked(Instant revokedAt, RevocationReason reason) implements CertificateStatus {
    public Revoked {
      Objects.requireNonNull(revokedAt, "revokedAt");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
