package cn.cwca.portal.ca;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A request to certify the key of a PKCS#10 certification request for a verified subject.
 *
 * @param pkcs10Der the DER encoding of the PKCS#10 request, made (and signed) with the key to
 *     certify
 * @param profile the kind of certificate; must fit the subject (organisation or person)
 * @param subject whom the certificate certifies, from verified data
 * @param validityYears how many years the certificate is valid (证书年限), at least 1
 * @param notBefore when the validity starts; null for now
 */
public record IssueRequest(
    byte[] pkcs10Der,
    CertificateProfile profile,
    Subject subject,
    int validityYears,
    Instant notBefore) {

  public IssueRequest {
    Objects.requireNonNull(pkcs10Der, "pkcs10Der");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(subject, "subject");
    if (!profile.fits(subject)) {
      throw new IllegalArgumentException("profile " + profile + " does not fit the subject");
    }
    if (validityYears < 1) {
      throw new IllegalArgumentException("validityYears must be at least 1");
    }
    pkcs10Der = pkcs10Der.clone();
  }

  /** A request whose validity starts now. */
  public IssueRequest(
      byte[] pkcs10Der, CertificateProfile profile, Subject subject, int validityYears) {
    this(pkcs10Der, profile, subject, validityYears, null);
  }

  @Override
  public byte[] pkcs10Der() {
    return pkcs10Der.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IssueRequest that
        && Arrays.equals(pkcs10Der, that.pkcs10Der)
        && profile == that.profile
        && subject.equals(that.subject)
        && validityYears == that.validityYears
        && Objects.equals(notBefore, that.notBefore);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(pkcs10Der), profile, subject, validityYears, notBefore);
  }

  @Override
  public String toString() {
    return "IssueRequest[profile="
        + profile
        + ", subject="
        + subject
        + ", validityYears="
        + validityYears
        + ", notBefore="
        + notBefore
        + "]";
  }
}
