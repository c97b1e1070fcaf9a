package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.Subject;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CA hierarchy in a PKCS#12 keystore: created on first start, kept, or imported. */
class CaBootstrapTest {

  private static final Subject PERSON =
      Subject.person("王五", IdentityDocumentType.PASSPORT, "G12345678");

  @TempDir Path folder;

  @Test
  void createsARootAndAnIssuingCaOnFirstStart() throws Exception {
    List<X509Certificate> chain;
    try (CertificateAuthority ca = TestCa.open(folder, KeyAlgorithm.EC_P256)) {
      chain = ca.caCertificates().stream().map(Certificates::jdk).toList();
    }

    X509Certificate issuing = chain.get(0);
    X509Certificate root = chain.get(1);
    assertEquals("CN=CA Portal Root CA,O=CA Portal,C=CN", root.getSubjectX500Principal().getName());
    assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
    root.verify(root.getPublicKey());
    assertEquals(Integer.MAX_VALUE, root.getBasicConstraints());
    assertArrayEquals(
        new boolean[] {false, false, false, false, false, true, true, false, false},
        root.getKeyUsage(),
        "root: keyCertSign and cRLSign");
    assertEquals(
        "CN=CA Portal Issuing CA,O=CA Portal,C=CN", issuing.getSubjectX500Principal().getName());
    issuing.verify(root.getPublicKey());
    assertEquals(0, issuing.getBasicConstraints());
    assertArrayEquals(
        new boolean[] {true, false, false, false, false, true, true, false, false},
        issuing.getKeyUsage(),
        "issuing: digitalSignature (OCSP), keyCertSign and cRLSign");
    assertTrue(issuing.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")));
    assertEquals("EC", issuing.getPublicKey().getAlgorithm());
    assertEquals(
        CaBootstrap.plusYears(issuing.getNotBefore().toInstant(), 20),
        issuing.getNotAfter().toInstant());
    assertEquals(
        CaBootstrap.plusYears(root.getNotBefore().toInstant(), 30), root.getNotAfter().toInstant());
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RSA_2048", "EC_P384"})
  void createsTheCaWithTheConfiguredAlgorithm(KeyAlgorithm algorithm) throws Exception {
    try (CertificateAuthority ca = TestCa.open(folder, algorithm)) {
      IssuedCertificate issued =
          ca.issue(
              new IssueRequest(
                  Csrs.of(TestKeys.p256()), CertificateProfile.NATURAL_PERSON, PERSON, 1));

      X509Certificate issuing = Certificates.jdk(ca.caCertificates().get(0));
      assertEquals(
          algorithm,
          KeyAlgorithms.of(SubjectPublicKeyInfo.getInstance(issuing.getPublicKey().getEncoded())));
      assertEquals(
          KeyAlgorithms.signatureAlgorithm(algorithm).toUpperCase(),
          Certificates.jdk(issued.der()).getSigAlgName().toUpperCase());
      ChainValidation.jdk(issued);
    }
  }

  @Test
  void reusesTheSameCaOnLaterStarts() throws Exception {
    List<byte[]> first;
    try (CertificateAuthority ca = TestCa.open(folder, KeyAlgorithm.EC_P256)) {
      first = ca.caCertificates();
    }

    try (CertificateAuthority again = TestCa.open(folder, KeyAlgorithm.RSA_2048)) {
      assertEquals(text(first), text(again.caCertificates()));
    }
  }

  @Test
  void keystoreIsReadableByItsOwnerOnlyAndOpenedByOpenssl() throws Exception {
    try (CertificateAuthority ca = TestCa.open(folder.resolve("ca"), KeyAlgorithm.EC_P256)) {
      assertTrue(ca.isOpen());
    }
    Path keystore = folder.resolve("ca").resolve("ca.p12");

    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.getParent())));
    String listing =
        Openssl.run(
            "pkcs12",
            "-in",
            keystore.toString(),
            "-passin",
            "pass:" + TestCa.PASSWORD,
            "-nokeys",
            "-info");
    assertTrue(listing.contains("friendlyName: issuing-ca"), listing);
    assertTrue(listing.contains("friendlyName: root-ca"), listing);
    assertTrue(listing.contains("AES-256-CBC"), listing);
  }

  @Test
  void refusesAKeystoreWithTheWrongPasswordAndLeavesItAsItWas() throws Exception {
    try (CertificateAuthority ca = TestCa.open(folder, KeyAlgorithm.EC_P256)) {
      assertTrue(ca.isOpen());
    }
    byte[] before = Files.readAllBytes(folder.resolve("ca.p12"));
    CaManagedConnectionFactory factory = TestCa.factory(folder, KeyAlgorithm.EC_P256);
    factory.setKeystorePassword("Not-the-password-1");

    CaException refused =
        assertThrows(CaException.class, () -> CertificateAuthority.open(factory.settings()));

    assertTrue(refused.getMessage().contains("keystorePassword"), refused.getMessage());
    assertFalse(refused.getMessage().contains("Not-the-password-1"));
    assertArrayEquals(before, Files.readAllBytes(folder.resolve("ca.p12")));
  }

  @Test
  void usesAnIssuingCaImportedWithOpensslWithoutItsRootKey() throws Exception {
    Path root = folder.resolve("root.pem");
    Path rootKey = folder.resolve("root.key");
    Path issuing = folder.resolve("issuing.pem");
    Path issuingKey = folder.resolve("issuing.key");
    Path issuingRequest = folder.resolve("issuing.csr");
    Path extensions =
        Files.writeString(
            folder.resolve("ca.ext"),
            "basicConstraints=critical,CA:TRUE,pathlen:0\n"
                + "keyUsage=critical,digitalSignature,keyCertSign,cRLSign\n"
                + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
    Openssl.run(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        rootKey.toString(),
        "-out",
        root.toString(),
        "-subj",
        "/C=CN/O=Existing CA/CN=Existing Root",
        "-days",
        "3650");
    Openssl.run(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        issuingKey.toString(),
        "-out",
        issuingRequest.toString(),
        "-subj",
        "/C=CN/O=Existing CA/CN=Existing Issuing CA");
    Openssl.run(
        "x509",
        "-req",
        "-in",
        issuingRequest.toString(),
        "-CA",
        root.toString(),
        "-CAkey",
        rootKey.toString(),
        "-CAcreateserial",
        "-out",
        issuing.toString(),
        "-days",
        "3000",
        "-extfile",
        extensions.toString());
    Openssl.run(
        "pkcs12",
        "-export",
        "-name",
        "issuing-ca",
        "-inkey",
        issuingKey.toString(),
        "-in",
        issuing.toString(),
        "-certfile",
        root.toString(),
        "-out",
        folder.resolve("ca.p12").toString(),
        "-passout",
        "pass:" + TestCa.PASSWORD);

    try (CertificateAuthority ca = TestCa.open(folder, KeyAlgorithm.SM2)) {
      IssuedCertificate issued =
          ca.issue(
              new IssueRequest(
                  Csrs.of(TestKeys.rsa(2048)), CertificateProfile.NATURAL_PERSON, PERSON, 5));

      assertEquals(
          "CN=Existing Issuing CA,O=Existing CA,C=CN",
          Certificates.jdk(issued.chain().get(0)).getSubjectX500Principal().getName());
      assertEquals(
          "CN=Existing Root,O=Existing CA,C=CN",
          Certificates.jdk(issued.chain().get(1)).getSubjectX500Principal().getName());
      ChainValidation.jdk(issued);
      ChainValidation.openssl(issued, folder);
    }
    assertNull(keystore(folder.resolve("ca.p12")).getKey(CaBootstrap.ROOT_ALIAS, null));
  }

  @Test
  void refusesAnIssuingKeyThatDoesNotBelongToItsCertificate() throws Exception {
    try (CertificateAuthority ca = TestCa.open(folder, KeyAlgorithm.EC_P256)) {
      assertTrue(ca.isOpen());
    }
    Path file = folder.resolve("ca.p12");
    KeyStore keystore = keystore(file);
    keystore.setKeyEntry(
        CaBootstrap.ISSUING_ALIAS,
        TestKeys.p256().getPrivate(),
        TestCa.PASSWORD.toCharArray(),
        keystore.getCertificateChain(CaBootstrap.ISSUING_ALIAS));
    try (OutputStream out = Files.newOutputStream(file)) {
      keystore.store(out, TestCa.PASSWORD.toCharArray());
    }

    CaException refused =
        assertThrows(CaException.class, () -> TestCa.open(folder, KeyAlgorithm.EC_P256));
    assertTrue(refused.getMessage().contains("does not belong"), refused.getMessage());
  }

  @Test
  void leavesBouncyCastleUnregistered() throws Exception {
    try (CertificateAuthority ca = TestCa.open(folder, KeyAlgorithm.SM2)) {
      ca.issue(
          new IssueRequest(Csrs.of(TestKeys.sm2()), CertificateProfile.NATURAL_PERSON, PERSON, 1));
    }

    assertNull(Security.getProvider("BC"));
  }

  private static KeyStore keystore(Path file) throws Exception {
    KeyStore keystore = KeyStore.getInstance("PKCS12", CryptoProviders.BC);
    try (InputStream in = Files.newInputStream(file)) {
      keystore.load(in, TestCa.PASSWORD.toCharArray());
    }
    return keystore;
  }

  private static List<String> text(List<byte[]> certificates) {
    return certificates.stream().map(Arrays::toString).toList();
  }
}
