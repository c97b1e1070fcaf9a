package cn.cwca.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Which issuing CA a registry row belongs to, for its CRL and its OCSP answers. */
class CertificateRecordIssuerTest {

  private static final String OLD = "1111111111111111111111111111111111111111";
  private static final String NEW = "2222222222222222222222222222222222222222";
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 8, 0);

  @Test
  void aCertificateBelongsToTheIssuerItRecordsWhicheverIsCurrent() {
    CertificateRecord old = record(OLD);

    assertEquals(OLD, old.getIssuerKeyId());
    assertTrue(old.issuedBy(OLD, NEW), "the earlier CA's, after the rollover");
    assertFalse(old.issuedBy(NEW, NEW), "not the new CA's");
    assertTrue(record(NEW).issuedBy(NEW, NEW));
  }

  @Test
  void aCertificateWithoutARecordedIssuerBelongsToTheCurrentIssuer() {
    CertificateRecord unrecorded = record(null);

    assertTrue(unrecorded.issuedBy(NEW, NEW));
    assertFalse(unrecorded.issuedBy(OLD, NEW));
  }

  private static CertificateRecord record(String issuerKeyId) {
    return new CertificateRecord(
        new CertificateRecord.Issued(
            "4a5bc0ffee",
            "CN=张三,C=CN",
            "110101190001010006",
            "NATURAL_PERSON",
            "EC_P256",
            NOW,
            NOW.plusYears(1),
            new byte[] {0x30},
            issuerKeyId),
        NOW);
  }
}
