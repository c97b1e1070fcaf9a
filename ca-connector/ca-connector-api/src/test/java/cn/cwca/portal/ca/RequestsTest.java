package cn.cwca.portal.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request records refuse what the CA could not sign. */
class RequestsTest {

  private static final Subject PERSON =
      Subject.person("张三", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X");
  private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  @Test
  void issueRequestProfileMustFitTheSubject() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new IssueRequest(new byte[] {1}, CertificateProfile.ORGANISATION, PERSON, 1));
  }

  @Test
  void issueRequestIsForAtLeastOneYear() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new IssueRequest(new byte[] {1}, CertificateProfile.NATURAL_PERSON, PERSON, 0));
  }

  @Test
  void issueRequestKeepsItsOwnCopyOfTheCsr() {
    byte[] csr = {1, 2, 3};
    IssueRequest request = new IssueRequest(csr, CertificateProfile.NATURAL_PERSON, PERSON, 1);
    csr[0] = 9;

    assertEquals(1, request.pkcs10Der()[0]);
    assertNotSame(request.pkcs10Der(), request.pkcs10Der());
  }

  @Test
  void crlNextUpdateComesAfterThisUpdate() {
    assertThrows(IllegalArgumentException.class, () -> new CrlRequest(1, NOW, NOW, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CrlRequest(-1, NOW, NOW.plusSeconds(1), List.of()));
  }

  @Test
  void revokedSerialIsPositiveHex() {
    new RevokedCertificate("7fa1", NOW, RevocationReason.SUPERSEDED);

    assertThrows(
        IllegalArgumentException.class,
        () -> new RevokedCertificate("-7fa1", NOW, RevocationReason.SUPERSEDED));
    assertThrows(
        NumberFormatException.class,
        () -> new RevokedCertificate("7g", NOW, RevocationReason.SUPERSEDED));
  }

  @Test
  void revocationReasonCodesAreThoseOfRfc5280() {
    for (RevocationReason reason : RevocationReason.values()) {
      assertEquals(CRLReason.valueOf(reason.name()).ordinal(), reason.code(), reason.name());
    }
  }

  @Test
  void issuedCertificateKeepsItsOwnCopies() {
    byte[] der = {1, 2};
    byte[] ca = {3, 4};
    IssuedCertificate issued =
        new IssuedCertificate(der, "1", NOW, NOW, "CN=x", KeyAlgorithm.EC_P256, List.of(ca), "ab");
    der[0] = 9;
    ca[0] = 9;
    issued.der()[1] = 9;

    assertEquals(List.of(1, 2), List.of((int) issued.der()[0], (int) issued.der()[1]));
    assertEquals(3, issued.chain().get(0)[0]);
  }
}
