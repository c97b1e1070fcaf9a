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
 * @param notAfter when the validity ends, instead of after {@code validityYears}: a replacement
 *     certificate (变更, 丢失补办) keeps the validity of the one it replaces; null to count the years
 */
public record IssueRequest(
    byte[] pkcs10Der,
    CertificateProfile profile,
    Subject subject,
    int validityYears,
    Instant notBefore,
    Instant notAfter) {

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
    if (notAfter != null && notBefore != null && !notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("notAfter must be after notBefore");
    }
    pkcs10Der = pkcs10Der.clone();
  }

  /** A request whose validity starts at {@code notBefore} (null: now) and lasts the years. */
  public IssueRequest(
      byte[] pkcs10Der,
      CertificateProfile profile,
      Subject subject,
      int validityYears,
      Instant notBefore) {
    this(pkcs10Der, profile, subject, validityYears, notBefore, null);
  }

  /**
   * A request whose validity starts now and ends when the certificate it replaces ends (变更, 丢失补办
   * keep the 证书年限 of the certificate concerned).
   */
  public static IssueRequest until(
      byte[] pkcs10Der, CertificateProfile profile, Subject subject, Instant notAfter) {
    return new IssueRequest(
        pkcs10Der, profile, subject, 1, null, Objects.requireNonNull(notAfter, "notAfter"));
  }

  /** A request whose validity starts now. */
  public IssueRequest(
      byte[] pkcs10Der, CertificateProfile profile, Subject subject, int validityYears) {
    this(pkcs10Der, profile, subject, validityYears, null, null);
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
        && Objects.equals(notBefore, that.notBefore)
        && Objects.equals(notAfter, that.notAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(pkcs10Der), profile, subject, validityYears, notBefore, notAfter);
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
        + ", notAfter="
        + notAfter
        + "]";
  }
}
