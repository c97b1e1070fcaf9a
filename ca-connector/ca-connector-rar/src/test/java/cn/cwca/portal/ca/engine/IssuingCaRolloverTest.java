package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CaIssuer;
import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.CertificateStatus;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.ca.RevokedCertificate;
import cn.cwca.portal.ca.Subject;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two issuing CAs in one keystore: the earlier one, kept under {@code issuing-ca-previous-1} after
 * a rollover, still answers OCSP and signs the CRL for the certificates it issued, the new one for
 * its own.
 */
class IssuingCaRolloverTest {

  private static final Subject PERSON =
      Subject.person("钱七", IdentityDocumentType.RESIDENT_ID_CARD, "110101190001010006");
  private static final Instant REVOKED_AT = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant THIS_UPDATE = Instant.parse("2026-12-02T00:00:00Z");

  @TempDir static Path folder;
  private static CertificateAuthority ca;
  private static IssuedCertificate oldGood;
  private static IssuedCertificate oldRevoked;
  private static IssuedCertificate newCertificate;
  private static X509CertificateHolder oldIssuer;
  private static X509CertificateHolder newIssuer;

  @BeforeAll
  static void rollOver() throws Exception {
    try (CertificateAuthority old = TestCa.open(folder, KeyAlgorithm.EC_P256)) {
      oldGood = issue(old);
      oldRevoked = issue(old);
      oldIssuer = Certificates.holder(old.caCertificates().get(0));
    }
    keepAsPrevious(folder.resolve("ca.p12"));
    ca = TestCa.open(folder, KeyAlgorithm.EC_P256);
    newIssuer = Certificates.holder(ca.caCertificates().get(0));
    newCertificate = issue(ca);
  }

  @AfterAll
  static void closeCa() {
    ca.close();
  }

  @Test
  void holdsTheNewIssuingCaFirstAndTheEarlierOneAfterIt() throws Exception {
    List<CaIssuer> issuers = ca.issuers();

    assertEquals(2, issuers.size());
    assertTrue(issuers.get(0).current());
    assertFalse(issuers.get(1).current());
    assertArrayEquals(newIssuer.getEncoded(), issuers.get(0).certificateDer());
    assertArrayEquals(oldIssuer.getEncoded(), issuers.get(1).certificateDer());
    assertEquals(keyIdOf(newIssuer), issuers.get(0).keyId());
    assertEquals(keyIdOf(oldIssuer), issuers.get(1).keyId());
    assertNotEquals(issuers.get(0).keyId(), issuers.get(1).keyId());
  }

  @Test
  void eachCertificateRecordsTheKeyIdOfItsIssuerAndNamesThatIssuersCrl() throws Exception {
    assertEquals(keyIdOf(oldIssuer), oldGood.issuerKeyId());
    assertEquals(keyIdOf(newIssuer), newCertificate.issuerKeyId());
    assertEquals(
        "http://localhost:8080/portal/ca/crl/" + keyIdOf(oldIssuer) + ".crl", crlUrlOf(oldGood));
    assertEquals(
        "http://localhost:8080/portal/ca/crl/" + keyIdOf(newIssuer) + ".crl",
        crlUrlOf(newCertificate));
    assertTrue(ca.issuedByThisCa(oldGood.der()), "the earlier CA's certificates are recognised");
    assertTrue(ca.issuedByThisCa(newCertificate.der()));
  }

  @Test
  void answersForTheEarlierCasCertificatesSignedWithTheEarlierKey() throws Exception {
    List<String> asked = new ArrayList<>();
    BasicOCSPResp response =
        successful(
            ca.answerOcsp(
                request(oldIssuer, oldGood, oldRevoked),
                (issuer, serial) -> {
                  asked.add(issuer + "/" + serial);
                  return serial.equals(oldRevoked.serialHex())
                      ? CertificateStatus.revoked(REVOKED_AT, RevocationReason.KEY_COMPROMISE)
                      : CertificateStatus.good();
                }));

    assertTrue(response.isSignatureValid(verifier(oldIssuer)), "signed by the earlier CA");
    assertFalse(response.isSignatureValid(verifier(newIssuer)));
    assertEquals(oldIssuer, response.getCerts()[0]);
    assertEquals(
        List.of(
            keyIdOf(oldIssuer) + "/" + oldGood.serialHex(),
            keyIdOf(oldIssuer) + "/" + oldRevoked.serialHex()),
        asked,
        "the lookup is asked with the earlier CA's key id");
    assertNull(response.getResponses()[0].getCertStatus(), "good");
    RevokedStatus revoked = (RevokedStatus) response.getResponses()[1].getCertStatus();
    assertEquals(REVOKED_AT, revoked.getRevocationTime().toInstant());
  }

  @Test
  void answersForTheNewCasCertificatesSignedWithTheNewKey() throws Exception {
    List<String> issuers = new ArrayList<>();
    BasicOCSPResp response =
        successful(
            ca.answerOcsp(
                request(newIssuer, newCertificate),
                (issuer, serial) -> {
                  issuers.add(issuer);
                  return CertificateStatus.good();
                }));

    assertTrue(response.isSignatureValid(verifier(newIssuer)));
    assertFalse(response.isSignatureValid(verifier(oldIssuer)));
    assertEquals(List.of(keyIdOf(newIssuer)), issuers);
  }

  @Test
  void aRequestAboutBothCasIsAnsweredByTheIssuerOfItsFirstCertificate() throws Exception {
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(id(oldIssuer, oldGood))
            .addRequest(id(newIssuer, newCertificate))
            .build()
            .getEncoded();

    BasicOCSPResp response =
        successful(ca.answerOcsp(request, (issuer, serial) -> CertificateStatus.good()));

    assertTrue(response.isSignatureValid(verifier(oldIssuer)));
    assertNull(response.getResponses()[0].getCertStatus(), "good");
    assertTrue(response.getResponses()[1].getCertStatus() instanceof UnknownStatus);
  }

  @Test
  void leavesTheNonceOutWhenAskedTo() throws Exception {
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(id(oldIssuer, oldGood))
            .setRequestExtensions(
                new Extensions(
                    new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false,
                        new DEROctetString(new DEROctetString(new byte[] {1, 2, 3, 4})))))
            .build()
            .getEncoded();

    BasicOCSPResp echoed =
        successful(ca.answerOcsp(request, (issuer, serial) -> CertificateStatus.good(), true));
    BasicOCSPResp without =
        successful(ca.answerOcsp(request, (issuer, serial) -> CertificateStatus.good(), false));

    assertTrue(echoed.hasExtensions());
    assertNull(without.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
    assertTrue(without.isSignatureValid(verifier(oldIssuer)));
  }

  @Test
  void signsEachIssuersCrlWithThatIssuersKey() throws Exception {
    X509CRLHolder oldCrl =
        new X509CRLHolder(
            ca.signCrl(
                new CrlRequest(
                    keyIdOf(oldIssuer),
                    7,
                    THIS_UPDATE,
                    THIS_UPDATE.plusSeconds(86400),
                    List.of(
                        new RevokedCertificate(
                            oldRevoked.serialHex(), REVOKED_AT, RevocationReason.SUPERSEDED)))));
    X509CRLHolder newCrl =
        new X509CRLHolder(
            ca.signCrl(
                new CrlRequest(
                    keyIdOf(newIssuer),
                    8,
                    THIS_UPDATE,
                    THIS_UPDATE.plusSeconds(86400),
                    List.of())));
    X509CRLHolder current =
        new X509CRLHolder(
            ca.signCrl(new CrlRequest(9, THIS_UPDATE, THIS_UPDATE.plusSeconds(86400), List.of())));

    assertTrue(oldCrl.isSignatureValid(verifier(oldIssuer)));
    assertFalse(oldCrl.isSignatureValid(verifier(newIssuer)));
    assertEquals(keyIdOf(oldIssuer), authorityKeyIdOf(oldCrl));
    assertEquals(1, oldCrl.getRevokedCertificates().size());
    assertTrue(
        oldCrl.getRevokedCertificate(new BigInteger(oldRevoked.serialHex(), 16)) != null,
        "lists the earlier CA's revocation");
    assertTrue(newCrl.isSignatureValid(verifier(newIssuer)));
    assertEquals(keyIdOf(newIssuer), authorityKeyIdOf(newCrl));
    assertTrue(current.isSignatureValid(verifier(newIssuer)), "no key id: the current CA");
  }

  @Test
  void refusesToSignTheCrlOfAnIssuerItHoldsNoKeyOf() {
    assertThrows(
        CaException.class,
        () ->
            ca.signCrl(
                new CrlRequest(
                    "00".repeat(20), 1, THIS_UPDATE, THIS_UPDATE.plusSeconds(60), List.of())));
  }

  @Test
  void refusesAnEarlierIssuerEntryWithoutAPrivateKey(@TempDir Path other) throws Exception {
    try (CertificateAuthority first = TestCa.open(other, KeyAlgorithm.EC_P256)) {
      assertEquals(1, first.issuers().size());
    }
    Path keystore = other.resolve("ca.p12");
    KeyStore store = load(keystore);
    store.setCertificateEntry("issuing-ca-previous-1", store.getCertificate("issuing-ca"));
    save(store, keystore);

    CaException refused =
        assertThrows(CaException.class, () -> TestCa.open(other, KeyAlgorithm.EC_P256));
    assertTrue(refused.getMessage().contains("issuing-ca-previous-1"), refused.getMessage());
  }

  /**
   * The rollover of docs/ca-operation.md: the issuing CA's entry renamed to {@code
   * issuing-ca-previous-1}, the root removed, so that the next start creates a new hierarchy.
   */
  static void keepAsPrevious(Path keystore) throws Exception {
    KeyStore store = load(keystore);
    char[] password = TestCa.PASSWORD.toCharArray();
    Key key = store.getKey(CaBootstrap.ISSUING_ALIAS, password);
    Certificate[] chain = store.getCertificateChain(CaBootstrap.ISSUING_ALIAS);
    store.setKeyEntry(CaBootstrap.PREVIOUS_ALIAS_PREFIX + 1, key, password, chain);
    store.deleteEntry(CaBootstrap.ISSUING_ALIAS);
    store.deleteEntry(CaBootstrap.ROOT_ALIAS);
    save(store, keystore);
  }

  private static KeyStore load(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12-AES256-AES128", CryptoProviders.BC);
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, TestCa.PASSWORD.toCharArray());
    }
    return store;
  }

  private static void save(KeyStore store, Path keystore) throws Exception {
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, TestCa.PASSWORD.toCharArray());
    }
  }

  private static IssuedCertificate issue(CertificateAuthority authority) throws Exception {
    return authority.issue(
        new IssueRequest(Csrs.of(TestKeys.p256()), CertificateProfile.NATURAL_PERSON, PERSON, 1));
  }

  private static byte[] request(X509CertificateHolder issuer, IssuedCertificate... certificates)
      throws Exception {
    OCSPReqBuilder builder = new OCSPReqBuilder();
    for (IssuedCertificate certificate : certificates) {
      builder.addRequest(id(issuer, certificate));
    }
    return builder.build().getEncoded();
  }

  private static CertificateID id(X509CertificateHolder issuer, IssuedCertificate certificate)
      throws Exception {
    return new CertificateID(
        new BcDigestCalculatorProvider().get(CertificateID.HASH_SHA1),
        issuer,
        new BigInteger(certificate.serialHex(), 16));
  }

  private static BasicOCSPResp successful(byte[] der) throws Exception {
    OCSPResp response = new OCSPResp(der);
    assertEquals(OCSPRespBuilder.SUCCESSFUL, response.getStatus());
    return (BasicOCSPResp) response.getResponseObject();
  }

  private static ContentVerifierProvider verifier(X509CertificateHolder issuer) throws Exception {
    return new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.BC).build(issuer);
  }

  private static String keyIdOf(X509CertificateHolder certificate) {
    return HexFormat.of().formatHex(KeyIdentifiers.of(certificate.getSubjectPublicKeyInfo()));
  }

  private static String authorityKeyIdOf(X509CRLHolder crl) {
    return HexFormat.of()
        .formatHex(AuthorityKeyIdentifier.fromExtensions(crl.getExtensions()).getKeyIdentifier());
  }

  private static String crlUrlOf(IssuedCertificate certificate) {
    CRLDistPoint points =
        CRLDistPoint.fromExtensions(Certificates.holder(certificate.der()).getExtensions());
    GeneralName name =
        GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint().getName())
            .getNames()[0];
    return name.getName().toString();
  }
}
