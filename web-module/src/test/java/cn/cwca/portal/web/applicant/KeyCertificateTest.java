package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.web.applicant.KeyCertificate.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeyCertificateTest {

  /**
   * A self-signed P-256 certificate for C=CN, O=测试单位, CN=张三 (UTF8String), valid from 2026-11-25
   * 15:29:14 to 2036-11-22 15:29:14 UTC, as the key agent lists it (base64 DER).
   */
  static final String CERTIFICATE =
      "MIIBvzCCAWWgAwIBAgIUbKeaV6XCV16NcpvdLSQ2k+ZdxEgwCgYIKoZIzj0EAwIwNTELMAkGA1UEBhMCQ04xFTATBgNV"
          + "BAoMDOa1i+ivleWNleS9jTEPMA0GA1UEAwwG5byg5LiJMB4XDTI2MTEyNTE1MjkxNFoXDTM2MTEyMjE1MjkxNFow"
          + "NTELMAkGA1UEBhMCQ04xFTATBgNVBAoMDOa1i+ivleWNleS9jTEPMA0GA1UEAwwG5byg5LiJMFkwEwYHKoZIzj0C"
          + "AQYIKoZIzj0DAQcDQgAEw9/HJSDNy7iVGx2BCS+GPbsFdVSRI5UPG9mmTAHMsv2QKzMKDb9PZklpmgLCY7z4IVDl"
          + "bk84kOYDVMc3yh9JM6NTMFEwHQYDVR0OBBYEFBI1GuzLrIw5Acd3HjZvzvRaPEgXMB8GA1UdIwQYMBaAFBI1GuzL"
          + "rIw5Acd3HjZvzvRaPEgXMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgGDn4XgTF4DwHaAbAj+ww"
          + "sqcCaF+ItXpyzgDJOTBs3X8CIQCdNiHmublPcJ7QHsDKnXQCp8JV+chCO4vK3o+yz7EH3w==";

  private static final Instant NOT_BEFORE = Instant.parse("2026-11-25T15:29:14Z");
  private static final Instant NOT_AFTER = Instant.parse("2036-11-22T15:29:14Z");

  @Test
  void readsSubjectIssuerSerialAndValidity() {
    KeyCertificate read = KeyCertificate.parse(CERTIFICATE, NOT_BEFORE.plus(Duration.ofDays(1)));

    assertEquals("CN=张三,O=测试单位,C=CN", read.getSubject());
    assertEquals(read.getSubject(), read.getIssuer());
    assertEquals("6CA79A57A5C2575E8D729BDD2D243693E65DC448", read.getSerialNumber());
    assertEquals(LocalDateTime.ofInstant(NOT_BEFORE, ZoneOffset.UTC), read.getNotBefore());
    assertEquals(LocalDateTime.ofInstant(NOT_AFTER, ZoneOffset.UTC), read.getNotAfter());
  }

  @Test
  void isValidUntilTheRenewalWindowOpensSixtyDaysBeforeExpiry() {
    KeyCertificate valid = KeyCertificate.parse(CERTIFICATE, NOT_AFTER.minus(Duration.ofDays(61)));
    assertEquals(Status.VALID, valid.getStatus());
    assertEquals(61, valid.getDaysLeft());
    assertFalse(valid.isRenewable());

    KeyCertificate expiring =
        KeyCertificate.parse(CERTIFICATE, NOT_AFTER.minus(Duration.ofDays(60)));
    assertEquals(Status.EXPIRING, expiring.getStatus());
    assertEquals(60, expiring.getDaysLeft());
    assertTrue(expiring.isRenewable());
  }

  @Test
  void isExpiredAfterItsEndAndNotYetValidBeforeItsStart() {
    KeyCertificate expired = KeyCertificate.parse(CERTIFICATE, NOT_AFTER.plusSeconds(1));
    assertEquals(Status.EXPIRED, expired.getStatus());
    assertEquals(0, expired.getDaysLeft());
    assertTrue(expired.isRenewable());

    KeyCertificate early = KeyCertificate.parse(CERTIFICATE, NOT_BEFORE.minusSeconds(1));
    assertEquals(Status.NOT_YET_VALID, early.getStatus());
    assertFalse(early.isRenewable());
  }

  @Test
  void refusesWhatIsNotACertificate() {
    Instant now = Instant.now();
    assertThrows(IllegalArgumentException.class, () -> KeyCertificate.parse(null, now));
    assertThrows(IllegalArgumentException.class, () -> KeyCertificate.parse(" ", now));
    assertThrows(IllegalArgumentException.class, () -> KeyCertificate.parse("not base64!", now));
    assertThrows(IllegalArgumentException.class, () -> KeyCertificate.parse("AAAA", now));
  }
}
