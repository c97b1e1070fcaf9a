package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.Subject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which provider signs with a CA key kept in a PKCS#12 file: AWS-LC for RSA and ECDSA where it
 * loads, the JDK and Bouncy Castle with {@code nativeCrypto=false}, Bouncy Castle for SM2. Whatever
 * signs, the JDK and OpenSSL accept the certificates and CRLs.
 */
class NativeCryptoTest {

  private static final Subject PERSON =
      Subject.person("张三", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X");

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RSA_2048", "EC_P256", "EC_P384"})
  void rsaAndEcdsaKeysSignInAwsLcWhereItLoads(KeyAlgorithm algorithm) throws Exception {
    assumeTrue(CryptoProviders.NATIVE.isPresent(), "AWS-LC does not load on this machine");
    try (CertificateAuthority ca = TestCa.open(folder, algorithm)) {
      assertEquals("AmazonCorrettoCryptoProvider", ca.signingProviderName());
      assertIssuesWhatTheJdkAndOpensslAccept(ca, algorithm);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RSA_2048", "EC_P256"})
  void withNativeCryptoOffTheJdkSignsRsaAndBouncyCastleEcdsa(KeyAlgorithm algorithm)
      throws Exception {
    CaManagedConnectionFactory factory = TestCa.factory(folder, algorithm);
    factory.setNativeCrypto("false");
    try (CertificateAuthority ca = CertificateAuthority.open(factory.settings())) {
      assertEquals(
          algorithm == KeyAlgorithm.RSA_2048 ? "SunRsaSign" : "BC", ca.signingProviderName());
      assertIssuesWhatTheJdkAndOpensslAccept(ca, algorithm);
    }
  }

  @Test
  void sm2KeysSignWithBouncyCastle() throws Exception {
    try (CertificateAuthority ca = TestCa.open(folder, KeyAlgorithm.SM2)) {
      assertEquals("BC", ca.signingProviderName());
    }
  }

  private void assertIssuesWhatTheJdkAndOpensslAccept(CertificateAuthority ca, KeyAlgorithm key)
      throws Exception {
    KeyPair keys = key == KeyAlgorithm.RSA_2048 ? TestKeys.rsa(2048) : TestKeys.p256();
    IssuedCertificate issued =
        ca.issue(new IssueRequest(Csrs.of(keys), CertificateProfile.NATURAL_PERSON, PERSON, 1));
    ChainValidation.jdk(issued);
    ChainValidation.openssl(issued, folder);

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(
                    new ByteArrayInputStream(
                        ca.signCrl(new CrlRequest(1, now, now.plusSeconds(3600), List.of()))));
    crl.verify(Certificates.jdk(issued.chain().get(0)).getPublicKey());
  }
}
