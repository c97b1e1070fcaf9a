package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.Subject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate shown by a user (read from a USB key) counts as this CA's only when this CA's
 * issuing key, or a configured earlier issuing CA, signed it: a look-alike from another CA with the
 * same names does not.
 */
class RecognisedIssuersTest {

  private static final Subject PERSON =
      Subject.person("周八", IdentityDocumentType.RESIDENT_ID_CARD, "110101190001010006");

  @TempDir Path ours;
  @TempDir Path theirs;

  private static byte[] issueBy(CertificateAuthority ca, KeyAlgorithm key) throws CaException {
    byte[] csr = Csrs.of(key == KeyAlgorithm.SM2 ? TestKeys.sm2() : TestKeys.p256());
    return ca.issue(new IssueRequest(csr, CertificateProfile.NATURAL_PERSON, PERSON, 1)).der();
  }

  @Test
  void recognisesTheCertificatesItIssued() throws Exception {
    try (CertificateAuthority p256 = TestCa.open(ours, KeyAlgorithm.EC_P256);
        CertificateAuthority sm2 = TestCa.open(theirs, KeyAlgorithm.SM2)) {
      assertTrue(p256.issuedByThisCa(issueBy(p256, KeyAlgorithm.EC_P256)));
      assertTrue(sm2.issuedByThisCa(issueBy(sm2, KeyAlgorithm.SM2)));
    }
  }

  @Test
  void refusesALookAlikeFromAnotherCaWithTheSameNames() throws Exception {
    try (CertificateAuthority mine = TestCa.open(ours, KeyAlgorithm.EC_P256);
        CertificateAuthority other = TestCa.open(theirs, KeyAlgorithm.EC_P256)) {
      byte[] lookAlike = issueBy(other, KeyAlgorithm.EC_P256);

      // Both CAs were created with the default subjects, so only the signature tells them apart.
      assertTrue(
          Certificates.holder(lookAlike)
              .getIssuer()
              .equals(Certificates.holder(mine.caCertificates().get(0)).getSubject()));
      assertFalse(mine.issuedByThisCa(lookAlike));
    }
  }

  @Test
  void refusesBytesThatAreNoCertificate() throws Exception {
    try (CertificateAuthority mine = TestCa.open(ours, KeyAlgorithm.EC_P256)) {
      assertFalse(mine.issuedByThisCa("not a certificate".getBytes(StandardCharsets.US_ASCII)));
      assertFalse(mine.issuedByThisCa(new byte[0]));
    }
  }

  @Test
  void recognisesCertificatesOfAConfiguredEarlierIssuingCa() throws Exception {
    byte[] earlier;
    Path pem = theirs.resolve("previous-issuers.pem");
    try (CertificateAuthority previous = TestCa.open(theirs, KeyAlgorithm.SM2)) {
      earlier = issueBy(previous, KeyAlgorithm.SM2);
      Certificates.writePem(pem, List.of(previous.caCertificates().get(0)));
    }
    CaManagedConnectionFactory factory = TestCa.factory(ours, KeyAlgorithm.EC_P256);
    factory.setPreviousIssuerCertificates(pem.toString());

    try (CertificateAuthority mine = CertificateAuthority.open(factory.settings())) {
      assertTrue(mine.issuedByThisCa(earlier));
      assertTrue(mine.issuedByThisCa(issueBy(mine, KeyAlgorithm.EC_P256)));
    }
  }

  @Test
  void anUnsetSystemPropertyMeansNoEarlierIssuers() throws Exception {
    CaManagedConnectionFactory factory = TestCa.factory(ours, KeyAlgorithm.EC_P256);
    factory.setPreviousIssuerCertificates("${caportal.test.no-such-property}");

    assertNull(factory.settings().previousIssuersPath());
  }

  @Test
  void aPreviousIssuerFileWithoutCertificatesStopsTheCa() throws Exception {
    Path pem = Files.writeString(theirs.resolve("empty.pem"), "no certificate here\n");
    CaManagedConnectionFactory factory = TestCa.factory(ours, KeyAlgorithm.EC_P256);
    factory.setPreviousIssuerCertificates(pem.toString());

    assertThrows(CaException.class, () -> CertificateAuthority.open(factory.settings()));
  }
}
