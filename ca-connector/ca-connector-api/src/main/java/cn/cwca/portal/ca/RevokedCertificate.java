package cn.cwca.portal.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A revocation as the application recorded it: one CRL entry, or the status OCSP reports.
 *
 * @param serialHex the serial number in hexadecimal, as {@link IssuedCertificate#serialHex()}
 * @param revokedAt when the certificate was revoked
 * @param reason why
 */
public record RevokedCertificate(String serialHex, Instant revokedAt, RevocationReason reason) {

  public RevokedCertificate {
    Objects.requireNonNull(serialHex, "serialHex");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(reason, "reason");
    if (new BigInteger(serialHex, 16).signum() <= 0) {
      throw new IllegalArgumentException("a serial number is positive: " + serialHex);
    }
  }
}
