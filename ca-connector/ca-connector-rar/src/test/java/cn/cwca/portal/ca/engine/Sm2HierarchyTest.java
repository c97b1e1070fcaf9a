package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.CertificateStatus;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.ca.RevokedCertificate;
import cn.cwca.portal.ca.Subject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SM2 hierarchy (GM/T 0015): root, issuing CA and subscriber keys on sm2p256v1, everything
 * signed with SM3withSM2. The keys are in a PKCS#12 file: the JDK's PKCS#11 provider has no SM2.
 */
class Sm2HierarchyTest {

  private static final Subject ORGANISATION =
      Subject.organisation("宁夏示例信息技术有限公司", "91350100M000100Y43");

  @TempDir static Path folder;
  private static CertificateAuthority ca;

  @BeforeAll
  static void openCa() throws Exception {
    ca = TestCa.open(folder, KeyAlgorithm.SM2);
  }

  @AfterAll
  static void closeCa() {
    ca.close();
  }

  private static IssuedCertificate issue() throws Exception {
    return ca.issue(
        new IssueRequest(
            Csrs.of(TestKeys.sm2()), CertificateProfile.ORGANISATION, ORGANISATION, 1));
  }

  @Test
  void issuesSm2CertificatesSignedWithSm3WithSm2AndNoParameters() throws Exception {
    IssuedCertificate issued = issue();

    X509CertificateHolder certificate = Certificates.holder(issued.der());
    assertEquals(KeyAlgorithm.SM2, issued.keyAlgorithm());
    assertEquals(
        new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3),
        certificate.getSignatureAlgorithm());
    assertNull(certificate.getSignatureAlgorithm().getParameters());
    assertEquals("1.2.156.10197.1.501", certificate.getSignatureAlgorithm().getAlgorithm().getId());
    assertEquals(
        GMObjectIdentifiers.sm2p256v1,
        certificate.getSubjectPublicKeyInfo().getAlgorithm().getParameters());
  }

  @Test
  void bouncyCastleVerifiesTheSm2CertificateAndItsPath() throws Exception {
    IssuedCertificate issued = issue();

    assertTrue(Certificates.holder(issued.der()).isSignatureValid(issuingCaVerifier()));
    ChainValidation.bouncyCastle(issued);
  }

  @Test
  void opensslVerifiesEachLinkOfTheSm2ChainWithTheDefaultSignerId(@TempDir Path files)
      throws Exception {
    IssuedCertificate issued = issue();

    ChainValidation.opensslSm2(issued, files);
    String text =
        Openssl.run("x509", "-in", files.resolve("leaf.pem").toString(), "-noout", "-text");
    assertTrue(text.contains("Signature Algorithm: SM2-with-SM3"), text);
  }

  @Test
  void crlIsSignedWithSm3WithSm2() throws Exception {
    IssuedCertificate revoked = issue();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    X509CRLHolder crl =
        new X509CRLHolder(
            ca.signCrl(
                new CrlRequest(
                    1,
                    now,
                    now.plus(1, ChronoUnit.DAYS),
                    List.of(
                        new RevokedCertificate(
                            revoked.serialHex(), now, RevocationReason.SUPERSEDED)))));

    assertTrue(crl.isSignatureValid(issuingCaVerifier()));
    assertTrue(crl.getRevokedCertificate(new BigInteger(revoked.serialHex(), 16)) != null);
  }

  @Test
  void ocspResponseIsSignedWithSm3WithSm2() throws Exception {
    IssuedCertificate issued = issue();
    CertificateID id =
        new CertificateID(
            new BcDigestCalculatorProvider().get(CertificateID.HASH_SHA1),
            Certificates.holder(issued.chain().get(0)),
            new BigInteger(issued.serialHex(), 16));

    OCSPResp response =
        new OCSPResp(
            ca.answerOcsp(
                new OCSPReqBuilder().addRequest(id).build().getEncoded(),
                (issuer, serial) -> CertificateStatus.good()));

    BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
    assertEquals(GMObjectIdentifiers.sm2sign_with_sm3, basic.getSignatureAlgOID());
    assertTrue(basic.isSignatureValid(issuingCaVerifier()));
    assertNull(basic.getResponses()[0].getCertStatus());
  }

  @Test
  void caKeysAreSm2() throws Exception {
    for (byte[] der : ca.caCertificates()) {
      assertEquals(
          KeyAlgorithm.SM2, KeyAlgorithms.of(Certificates.holder(der).getSubjectPublicKeyInfo()));
    }
    assertTrue(Files.size(folder.resolve("ca.p12")) > 0);
  }

  private static ContentVerifierProvider issuingCaVerifier() throws Exception {
    return new JcaContentVerifierProviderBuilder()
        .setProvider(CryptoProviders.BC)
        .build(Certificates.holder(ca.caCertificates().get(0)));
  }
}
