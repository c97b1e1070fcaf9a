package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.devserver.CaHsmTokens;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issuance through the CA resource adapter deployed in the EAR, from an EJB inside a JTA
 * transaction, with the registry row committed or rolled back with it; revocation onto the CRL and
 * into OCSP answers.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateServiceIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.50");
  private static final String ME = TestCallerMechanism.LOGIN_NAME;

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        CertificateServiceIT.class,
        CaHsmTokens.class,
        TestIdentities.class,
        RegistryRow.class,
        TestCallerMechanism.class,
        WhileATransactionIsOpen.class,
        WhileATransactionIsOpen.Work.class);
  }

  @EJB CertificateService certificates;
  @EJB CertificateRegistry registry;
  @EJB AccountService accounts;
  @EJB AuditLog audit;
  @Inject UserTransaction tx;

  @jakarta.annotation.Resource ManagedExecutorService executor;

  @jakarta.annotation.Resource(lookup = "jdbc/caportal")
  javax.sql.DataSource database;

  @BeforeEach
  void callerHasAnAccount() {
    if (accounts.find(ME).isEmpty()) {
      accounts.registerPerson(TestIdentities.person(accounts, "证书申请人", ME), CLIENT);
    }
  }

  /**
   * With the production PKCS11 settings (the integration server's default, it.ca.token=PKCS11), the
   * issuing CA key the portal signs with is on the SoftHSM2 token, sensitive, and no keystore file
   * was written.
   */
  @Test
  void withPkcs11SettingsTheIssuingCaKeyIsOnTheTokenAndNeverLeavesIt() throws Exception {
    assumeTrue(
        "PKCS11".equals(System.getProperty("caportal.ca.tokenType")),
        "the server's CA is not on an HSM token (it.ca.token=PKCS12 or no SoftHSM2)");
    java.security.Provider token =
        java.security.Security.getProvider("SunPKCS11")
            .configure(
                "--name = CertificateServiceIT\nlibrary = \""
                    + System.getProperty("caportal.ca.pkcs11Library")
                    + "\"\nslotListIndex = 0\n");
    java.security.KeyStore keyStore = java.security.KeyStore.getInstance("PKCS11", token);
    keyStore.load(null, CaHsmTokens.PIN.toCharArray());

    byte[] issuing = certificates.caCertificates().get(0);
    assertArrayEquals(issuing, keyStore.getCertificate("issuing-ca").getEncoded());
    java.security.Key key = keyStore.getKey("issuing-ca", null);
    assertInstanceOf(java.security.PrivateKey.class, key);
    assertNull(key.getEncoded(), "the CA private key is sensitive: its value cannot be read");
    assertFalse(
        java.nio.file.Files.exists(
            java.nio.file.Path.of(System.getProperty("caportal.ca.keystore"))),
        "no PKCS#12 keystore was created");
    CertificateRecord issued = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    x509(issued.getDer()).verify(keyStore.getCertificate("issuing-ca").getPublicKey());
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /** A request whose own subject is deliberately false: the CA must not copy it. */
  private static byte[] csr(KeyPair keys, String algorithm) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(
            new X500Principal("CN=Not Me,O=Forged Org,C=US"), keys.getPublic())
        .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()))
        .getEncoded();
  }

  private static X509Certificate x509(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  @Test
  void issuesFromARequestWithTheSubjectOfTheAccountAndRecordsIt() throws Exception {
    CertificateRecord record = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 2, CLIENT);

    X509Certificate cert = x509(record.getDer());
    String subject = cert.getSubjectX500Principal().getName();
    assertTrue(subject.contains("证书申请人"), subject);
    assertFalse(subject.contains("Forged"), "the request's subject is not copied: " + subject);
    long days =
        Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays();
    assertTrue(days >= 729 && days <= 732, "two years of validity, was " + days + " days");
    assertTrue(cert.getSerialNumber().bitLength() >= 64, "a serial of at least 64 bits");
    X509Certificate issuing = x509(certificates.caCertificates().get(0));
    cert.verify(issuing.getPublicKey());

    assertTrue(
        registry.validCertificatesOf(ME).stream()
            .anyMatch(c -> c.getSerialHex().equals(record.getSerialHex())));
    assertFalse(audit.forTarget("certificate:" + record.getSerialHex()).isEmpty());
  }

  @Test
  void refusesARequestWhoseSignatureDoesNotVerify() throws Exception {
    byte[] request = csr(p256(), "SHA256withECDSA");
    request[request.length - 5] ^= 0x01;
    BusinessException e =
        assertThrows(BusinessException.class, () -> certificates.issue(ME, request, 1, CLIENT));
    assertEquals("certificate.requestRefused", e.messageKey());
  }

  @Test
  void refusesAWeakKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    byte[] request = csr(g.generateKeyPair(), "SHA256withRSA");
    BusinessException e =
        assertThrows(BusinessException.class, () -> certificates.issue(ME, request, 1, CLIENT));
    assertEquals("certificate.weakKey", e.messageKey());
  }

  @Test
  void aRolledBackTransactionLeavesNoCertificateRecord() throws Exception {
    byte[] request = csr(p256(), "SHA256withECDSA");
    tx.begin();
    String serial = certificates.issue(ME, request, 1, CLIENT).getSerialHex();
    tx.rollback();
    assertTrue(registry.findBySerial(serial).isEmpty());
  }

  @Test
  void aRevokedCertificateIsOnTheCrlAndOcspSaysRevokedWhileAnotherIsGood() throws Exception {
    CertificateRecord revoked = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    CertificateRecord good = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    certificates.revoke(revoked.getSerialHex(), RevocationReason.KEY_COMPROMISE, CLIENT);
    certificates.revoke(revoked.getSerialHex(), RevocationReason.KEY_COMPROMISE, CLIENT);

    byte[] issuingDer = certificates.caCertificates().get(0);
    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(certificates.currentCrl()));
    crl.verify(x509(issuingDer).getPublicKey());
    assertNotNull(crl.getRevokedCertificate(new BigInteger(revoked.getSerialHex(), 16)));
    assertNull(crl.getRevokedCertificate(new BigInteger(good.getSerialHex(), 16)));

    assertInstanceOf(RevokedStatus.class, ocspStatus(issuingDer, revoked.getSerialHex()));
    assertNull(ocspStatus(issuingDer, good.getSerialHex()), "null is GOOD in Bouncy Castle");
  }

  @Test
  void twoConcurrentRevocationsAreBothOnTheCurrentCrl() throws Exception {
    CertificateRecord first = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    CertificateRecord second = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);

    Future<Void> other =
        WhileATransactionIsOpen.run(
            tx,
            executor,
            () ->
                certificates.revoke(first.getSerialHex(), RevocationReason.KEY_COMPROMISE, CLIENT),
            () -> {
              certificates.revoke(second.getSerialHex(), RevocationReason.SUPERSEDED, CLIENT);
              return null;
            });
    other.get(60, TimeUnit.SECONDS);

    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(certificates.currentCrl()));
    assertNotNull(crl.getRevokedCertificate(new BigInteger(first.getSerialHex(), 16)));
    assertNotNull(crl.getRevokedCertificate(new BigInteger(second.getSerialHex(), 16)));
  }

  @Test
  void twoRequestsForAStaleCrlSignOneNewCrl() throws Exception {
    certificates.currentCrl();
    long before;
    try (java.sql.Connection c = database.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE crl SET this_update = this_update - interval '13 hours',"
              + " next_update = next_update - interval '13 hours'");
      try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM crl")) {
        rs.next();
        before = rs.getLong(1);
      }
    }

    AtomicReference<byte[]> first = new AtomicReference<>();
    Future<byte[]> other =
        WhileATransactionIsOpen.run(
            tx, executor, () -> first.set(certificates.currentCrl()), certificates::currentCrl);

    assertArrayEquals(first.get(), other.get(60, TimeUnit.SECONDS));
    try (java.sql.Connection c = database.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM crl")) {
      rs.next();
      assertEquals(before + 1, rs.getLong(1));
    }
  }

  @Test
  void theOwnerListsAndDownloadsTheirOwnCertificatesAndNoOneElses() throws Exception {
    CertificateRecord mine = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    String othersSerial;
    try (java.sql.Connection c = database.getConnection()) {
      java.time.LocalDateTime now = java.time.LocalDateTime.now();
      othersSerial =
          new RegistryRow(
                  TestIdentities.residentId(),
                  "CN=别人,C=CN",
                  now,
                  now.plusYears(1),
                  null,
                  mine.getDer())
              .insertInto(c);
    }

    List<CertificateRecord> listed = certificates.ownCertificates();

    assertTrue(listed.stream().anyMatch(r -> r.getSerialHex().equals(mine.getSerialHex())));
    assertTrue(listed.stream().allMatch(r -> r.getOwnerLoginName().equals(ME)));
    assertArrayEquals(
        mine.getDer(),
        certificates.ownCertificateDer(mine.getSerialHex().toUpperCase()).orElseThrow());
    assertTrue(certificates.ownCertificateDer(othersSerial).isEmpty(), "someone else's");
    assertTrue(certificates.ownCertificateDer("not-a-serial").isEmpty());
  }

  @Test
  void theSameOcspRequestAgainGetsTheKeptAnswerUntilTheCertificateIsRevoked() throws Exception {
    CertificateRecord record = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    byte[] issuingDer = certificates.caCertificates().get(0);
    byte[] request = ocspRequest(issuingDer, record.getSerialHex());

    byte[] first = certificates.answerOcsp(request);
    // ECDSA signs with a fresh random number each time: equal bytes are the kept answer
    assertArrayEquals(first, certificates.answerOcsp(request), "the kept answer");
    assertNull(ocspStatus(issuingDer, record.getSerialHex()), "good");

    certificates.revoke(record.getSerialHex(), RevocationReason.KEY_COMPROMISE, CLIENT);
    assertInstanceOf(
        RevokedStatus.class,
        ocspStatus(issuingDer, record.getSerialHex()),
        "a revocation is answered at once");
  }

  @Test
  void aCertificateRecordsItsIssuingCaWhoseCrlAndCertificateArePublishedUnderItsKeyId()
      throws Exception {
    CertificateRecord record = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    byte[] issuingDer = certificates.caCertificates().get(0);
    String keyId =
        java.util.HexFormat.of()
            .formatHex(
                org.bouncycastle.asn1.x509.SubjectKeyIdentifier.fromExtensions(
                        new X509CertificateHolder(issuingDer).getExtensions())
                    .getKeyIdentifier());
    certificates.revoke(record.getSerialHex(), RevocationReason.SUPERSEDED, CLIENT);

    assertEquals(
        keyId, registry.findBySerial(record.getSerialHex()).orElseThrow().getIssuerKeyId());
    org.bouncycastle.asn1.x509.CRLDistPoint points =
        org.bouncycastle.asn1.x509.CRLDistPoint.fromExtensions(
            new X509CertificateHolder(record.getDer()).getExtensions());
    String crlUrl =
        org.bouncycastle.asn1.x509.GeneralNames.getInstance(
                points.getDistributionPoints()[0].getDistributionPoint().getName())
            .getNames()[0]
            .getName()
            .toString();
    assertTrue(crlUrl.endsWith("/ca/crl/" + keyId + ".crl"), crlUrl);
    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(certificates.crl(keyId).orElseThrow()));
    crl.verify(x509(issuingDer).getPublicKey());
    assertNotNull(crl.getRevokedCertificate(new BigInteger(record.getSerialHex(), 16)));
    assertArrayEquals(issuingDer, certificates.issuerCertificate(keyId).orElseThrow());
    assertTrue(certificates.crl("00".repeat(20)).isEmpty(), "no such issuing CA");
    assertTrue(certificates.issuerCertificate("00".repeat(20)).isEmpty());
  }

  @Test
  void aNonceIsEchoedWhileTheResponderIsNotUnderLoad() throws Exception {
    CertificateRecord record = certificates.issue(ME, csr(p256(), "SHA256withECDSA"), 1, CLIENT);
    byte[] issuingDer = certificates.caCertificates().get(0);
    org.bouncycastle.asn1.x509.Extension nonce =
        new org.bouncycastle.asn1.x509.Extension(
            org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
            false,
            new org.bouncycastle.asn1.DEROctetString(
                new org.bouncycastle.asn1.DEROctetString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(
                new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new X509CertificateHolder(issuingDer),
                    new BigInteger(record.getSerialHex(), 16)))
            .setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce))
            .build()
            .getEncoded();

    BasicOCSPResp response =
        (BasicOCSPResp) new OCSPResp(certificates.answerOcsp(request)).getResponseObject();

    assertEquals(
        nonce,
        response.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
  }

  private static byte[] ocspRequest(byte[] issuingDer, String serialHex) throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new X509CertificateHolder(issuingDer),
            new BigInteger(serialHex, 16));
    return new OCSPReqBuilder().addRequest(id).build().getEncoded();
  }

  private Object ocspStatus(byte[] issuingDer, String serialHex) throws Exception {
    byte[] request = ocspRequest(issuingDer, serialHex);
    OCSPResp response = new OCSPResp(certificates.answerOcsp(request));
    assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
    SingleResp single = ((BasicOCSPResp) response.getResponseObject()).getResponses()[0];
    assertEquals(new BigInteger(serialHex, 16), single.getCertID().getSerialNumber());
    return single.getCertStatus();
  }
}
