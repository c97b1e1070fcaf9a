package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.cwca.portal.certificate.CertificateRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CertificateRowTest {

  private static final LocalDateTime NOT_BEFORE = LocalDateTime.of(2026, 1, 1, 0, 0);
  private static final LocalDateTime NOT_AFTER = LocalDateTime.of(2027, 1, 1, 0, 0);

  @Test
  void aValidCertificateShowsItsDaysLeftAndUpperCaseSerial() {
    CertificateRow row = CertificateRow.of(record(), at(NOT_AFTER.minusDays(100)));

    assertEquals("VALID", row.getStatus());
    assertEquals(100, row.getDaysLeft());
    assertEquals("4a5bc0ffee", row.getSerialHex());
    assertEquals("4A5BC0FFEE", row.getSerialNumber());
    assertNull(row.getRevokedAt());
  }

  @Test
  void withinSixtyDaysOfExpiryItIsExpiringAndAfterItExpired() {
    assertEquals("EXPIRING", CertificateRow.of(record(), at(NOT_AFTER.minusDays(60))).getStatus());
    assertEquals("EXPIRED", CertificateRow.of(record(), at(NOT_AFTER.plusSeconds(1))).getStatus());
    assertEquals(0, CertificateRow.of(record(), at(NOT_AFTER.plusDays(3))).getDaysLeft());
  }

  @Test
  void aRevokedCertificateIsRevokedWithItsReasonWhateverItsValidity() {
    CertificateRecord revoked = record();
    LocalDateTime at = NOT_BEFORE.plusMonths(2);
    revoked.revoke("KEY_COMPROMISE", at);

    CertificateRow row = CertificateRow.of(revoked, at(NOT_AFTER.minusDays(10)));

    assertEquals(CertificateRow.REVOKED, row.getStatus());
    assertEquals("KEY_COMPROMISE", row.getRevocationReason());
    assertEquals(at, row.getRevokedAt());
  }

  private static CertificateRecord record() {
    return new CertificateRecord(
        new CertificateRecord.Issued(
            "4a5bc0ffee",
            "CN=张三,C=CN",
            "110101190001010006",
            "NATURAL_PERSON",
            "EC_P256",
            NOT_BEFORE,
            NOT_AFTER,
            new byte[] {0x30},
            "ab12"),
        NOT_BEFORE);
  }

  private static Instant at(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }
}
