package cn.cwca.portal.certificate;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What the 制证 of an approved order asks the CA for: the key (a PKCS#10 request made on the USB
 * key), the subject as it was reviewed, and the validity: the order's 证书年限, or for a replacement
 * (变更, 丢失补办) the end of the certificate it replaces.
 *
 * @param notAfter UTC; {@code null} to count {@code validityYears}
 */
public record OrderIssuance(
    String ownerLoginName,
    boolean organisation,
    ApprovedSubject subject,
    byte[] pkcs10Der,
    int validityYears,
    LocalDateTime notAfter) {

  public OrderIssuance {
    Objects.requireNonNull(ownerLoginName, "ownerLoginName");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(pkcs10Der, "pkcs10Der");
    pkcs10Der = pkcs10Der.clone();
  }

  @Override
  public byte[] pkcs10Der() {
    return pkcs10Der.clone();
  }
}
