package cn.cwca.portal.ca;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a CRL says: every certificate of one issuing CA revoked and not yet expired, under a CRL
 * number the application increases with every CRL it publishes (RFC 5280 section 5.2.3).
 *
 * @param issuerKeyId the issuing CA that signs the CRL, as {@link CaIssuer#keyId()}; null for the
 *     current one
 * @param crlNumber the CRL number, not negative, greater than that of any earlier CRL
 * @param thisUpdate when this CRL is issued
 * @param nextUpdate when the next CRL will be issued at the latest; after {@code thisUpdate}
 * @param revoked the revoked certificates
 */
public record CrlRequest(
    String issuerKeyId,
    long crlNumber,
    Instant thisUpdate,
    Instant nextUpdate,
    List<RevokedCertificate> revoked) {

  public CrlRequest {
    Objects.requireNonNull(thisUpdate, "thisUpdate");
    Objects.requireNonNull(nextUpdate, "nextUpdate");
    if (crlNumber < 0) {
      throw new IllegalArgumentException("the CRL number is not negative");
    }
    if (!nextUpdate.isAfter(thisUpdate)) {
      throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
    }
    revoked = List.copyOf(revoked);
  }

  /** A CRL of the current issuing CA. */
  public CrlRequest(
      long crlNumber, Instant thisUpdate, Instant nextUpdate, List<RevokedCertificate> revoked) {
    this(null, crlNumber, thisUpdate, nextUpdate, revoked);
  }
}
