package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.ca.RevokedCertificate;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLs as RFC 5280 section 5 has them, read back with the JDK. */
class CrlSignerTest {

  private static final Instant THIS_UPDATE = Instant.parse("2026-11-25T00:00:00Z");
  private static final Instant NEXT_UPDATE = Instant.parse("2026-11-26T00:00:00Z");

  @TempDir static Path folder;
  private static CertificateAuthority ca;
  private static X509Certificate issuing;

  @BeforeAll
  static void openCa() throws Exception {
    ca = TestCa.open(folder, KeyAlgorithm.EC_P256);
    issuing = Certificates.jdk(ca.caCertificates().get(0));
  }

  @AfterAll
  static void closeCa() {
    ca.close();
  }

  @Test
  void listsEveryRevocationWithItsTimeAndReason() throws Exception {
    X509CRL crl =
        crl(
            new CrlRequest(
                3,
                THIS_UPDATE,
                NEXT_UPDATE,
                List.of(
                    new RevokedCertificate(
                        "5a1b",
                        Instant.parse("2026-11-01T08:00:00Z"),
                        RevocationReason.KEY_COMPROMISE),
                    new RevokedCertificate(
                        "6c2d", Instant.parse("2026-11-02T09:30:00Z"), RevocationReason.SUPERSEDED),
                    new RevokedCertificate(
                        "7e3f",
                        Instant.parse("2026-11-03T10:00:00Z"),
                        RevocationReason.CESSATION_OF_OPERATION))));

    assertEquals(3, crl.getRevokedCertificates().size());
    X509CRLEntry lost = crl.getRevokedCertificate(new BigInteger("5a1b", 16));
    assertEquals(Instant.parse("2026-11-01T08:00:00Z"), lost.getRevocationDate().toInstant());
    assertEquals(CRLReason.KEY_COMPROMISE, lost.getRevocationReason());
    assertEquals(
        CRLReason.SUPERSEDED,
        crl.getRevokedCertificate(new BigInteger("6c2d", 16)).getRevocationReason());
    assertEquals(
        CRLReason.CESSATION_OF_OPERATION,
        crl.getRevokedCertificate(new BigInteger("7e3f", 16)).getRevocationReason());
  }

  @Test
  void leavesTheReasonCodeOutWhenTheReasonIsUnspecified() throws Exception {
    X509CRL crl =
        crl(
            new CrlRequest(
                4,
                THIS_UPDATE,
                NEXT_UPDATE,
                List.of(new RevokedCertificate("abc", THIS_UPDATE, RevocationReason.UNSPECIFIED))));

    X509CRLEntry entry = crl.getRevokedCertificate(new BigInteger("abc", 16));
    assertNull(entry.getExtensionValue(Extension.reasonCode.getId()));
    assertNull(entry.getRevocationReason());
  }

  @Test
  void carriesTheCrlNumberTheAuthorityKeyIdentifierAndTheUpdateTimes() throws Exception {
    byte[] der = ca.signCrl(new CrlRequest(42, THIS_UPDATE, NEXT_UPDATE, List.of()));

    X509CRL crl = read(der);
    assertEquals(2, crl.getVersion());
    assertEquals(issuing.getSubjectX500Principal(), crl.getIssuerX500Principal());
    assertEquals(THIS_UPDATE, crl.getThisUpdate().toInstant());
    assertEquals(NEXT_UPDATE, crl.getNextUpdate().toInstant());
    assertNull(crl.getRevokedCertificates());
    X509CRLHolder holder = new X509CRLHolder(der);
    Extension number = holder.getExtension(Extension.cRLNumber);
    assertFalse(number.isCritical());
    assertEquals(new ASN1Integer(42), number.getParsedValue());
    assertArrayEquals(
        SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(
                        issuing.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                    .getOctets())
            .getKeyIdentifier(),
        AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier());
  }

  @Test
  void isSignedByTheIssuingCa() throws Exception {
    X509CRL crl = crl(new CrlRequest(5, THIS_UPDATE, NEXT_UPDATE, List.of()));

    crl.verify(issuing.getPublicKey());
    assertEquals("SHA256withECDSA", crl.getSigAlgName());
  }

  private static X509CRL crl(CrlRequest request) throws Exception {
    return read(ca.signCrl(request));
  }

  private static X509CRL read(byte[] der) throws Exception {
    return (X509CRL)
        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
  }
}
