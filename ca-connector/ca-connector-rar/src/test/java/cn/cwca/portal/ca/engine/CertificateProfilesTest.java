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
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The organisation and natural-person profiles, issued by a P-256 CA kept in a PKCS#12 file. */
class CertificateProfilesTest {

  private static final Subject ORGANISATION =
      Subject.organisation("聊城市示例科技有限公司", "91350100M000100Y43").withLocation("山东省", "聊城市");
  private static final Subject PERSON =
      Subject.person("张三", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X");

  @TempDir static Path folder;
  private static CertificateAuthority ca;

  @BeforeAll
  static void openCa() throws Exception {
    ca = TestCa.open(folder, KeyAlgorithm.EC_P256);
  }

  @AfterAll
  static void closeCa() {
    ca.close();
  }

  private static IssuedCertificate issue(CertificateProfile profile, Subject subject)
      throws CaException {
    return ca.issue(new IssueRequest(Csrs.of(TestKeys.p256()), profile, subject, 2));
  }

  @Test
  void organisationSubjectComesFromVerifiedDataNotFromTheRequest() throws Exception {
    IssuedCertificate issued = issue(CertificateProfile.ORGANISATION, ORGANISATION);

    X500Name subject = Certificates.holder(issued.der()).getSubject();
    assertEquals(
        List.of(
            "C=CN",
            "ST=山东省",
            "L=聊城市",
            "O=聊城市示例科技有限公司",
            "CN=聊城市示例科技有限公司",
            "SERIALNUMBER=91350100M000100Y43"),
        Stream.of(subject.getRDNs()).map(CertificateProfilesTest::text).toList());
    assertEquals(
        "SERIALNUMBER=91350100M000100Y43,CN=聊城市示例科技有限公司,O=聊城市示例科技有限公司,L=聊城市,ST=山东省,C=CN",
        issued.subjectDn());
    assertFalse(issued.subjectDn().contains("Claimed"));
  }

  @Test
  void personSubjectHasNameAndIdNumberWithoutOrganisation() throws Exception {
    IssuedCertificate issued = issue(CertificateProfile.NATURAL_PERSON, PERSON);

    X500Name subject = Certificates.holder(issued.der()).getSubject();
    assertEquals(
        List.of("C=CN", "CN=张三", "SERIALNUMBER=32010219700104000X"),
        Stream.of(subject.getRDNs()).map(CertificateProfilesTest::text).toList());
  }

  @Test
  void subjectUsesPrintableStringForCountryAndSerialNumberAndUtf8ForNames() throws Exception {
    X500Name subject =
        Certificates.holder(issue(CertificateProfile.ORGANISATION, ORGANISATION).der())
            .getSubject();

    assertTrue(value(subject, BCStyle.C) instanceof DERPrintableString);
    assertTrue(value(subject, BCStyle.SERIALNUMBER) instanceof DERPrintableString);
    assertTrue(value(subject, BCStyle.CN) instanceof DERUTF8String);
    assertTrue(value(subject, BCStyle.O) instanceof DERUTF8String);
  }

  @Test
  void organisationCertificateCarriesUsccAsGmtRegistrationAndTaxNumbers() throws Exception {
    X509CertificateHolder certificate =
        Certificates.holder(issue(CertificateProfile.ORGANISATION, ORGANISATION).der());

    for (String oid : List.of("1.2.156.10260.4.1.3", "1.2.156.10260.4.1.5")) {
      Extension extension = certificate.getExtension(new ASN1ObjectIdentifier(oid));
      assertFalse(extension.isCritical(), oid);
      assertEquals(new DERPrintableString("91350100M000100Y43"), extension.getParsedValue(), oid);
    }
    assertNull(certificate.getExtension(GmtIdentifiers.IDENTIFY_CODE));
  }

  @Test
  void personCertificateCarriesIdNumberAsGmtIdentifyCodeOfAResidentCard() throws Exception {
    X509CertificateHolder certificate =
        Certificates.holder(issue(CertificateProfile.NATURAL_PERSON, PERSON).der());

    Extension extension = certificate.getExtension(GmtIdentifiers.IDENTIFY_CODE);
    assertFalse(extension.isCritical());
    ASN1TaggedObject choice = ASN1TaggedObject.getInstance(extension.getParsedValue());
    assertEquals(0, choice.getTagNo());
    assertEquals("32010219700104000X", DERPrintableString.getInstance(choice, true).getString());
    assertNull(certificate.getExtension(GmtIdentifiers.IC_REGISTRATION_NUMBER));
    assertNull(certificate.getExtension(GmtIdentifiers.TAXATION_NUMBER));
  }

  @Test
  void passportHolderIdentifyCodeUsesThePassportChoice() throws Exception {
    Subject passportHolder =
        Subject.person("John Smith", IdentityDocumentType.PASSPORT, "E12345678");

    X509CertificateHolder certificate =
        Certificates.holder(issue(CertificateProfile.NATURAL_PERSON, passportHolder).der());

    ASN1TaggedObject choice =
        ASN1TaggedObject.getInstance(
            certificate.getExtension(GmtIdentifiers.IDENTIFY_CODE).getParsedValue());
    assertEquals(2, choice.getTagNo());
    assertEquals("E12345678", DERPrintableString.getInstance(choice, true).getString());
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void signingCertificateHasCriticalKeyUsageForSignatureAndNonRepudiation(
      CertificateProfile profile, Subject subject) throws Exception {
    X509Certificate certificate = Certificates.jdk(issue(profile, subject).der());

    assertTrue(certificate.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
    boolean[] usage = certificate.getKeyUsage();
    assertTrue(usage[0], "digitalSignature");
    assertTrue(usage[1], "nonRepudiation");
    for (int bit = 2; bit < usage.length; bit++) {
      assertFalse(usage[bit], "key usage bit " + bit);
    }
    assertEquals(
        List.of(KeyPurposeId.id_kp_clientAuth.getId(), KeyPurposeId.id_kp_emailProtection.getId()),
        certificate.getExtendedKeyUsage());
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void certificateIsTheDerBouncyCastlesGeneratorMakesOfTheSameFields(
      CertificateProfile profile, Subject subject) throws Exception {
    byte[] der = issue(profile, subject).der();
    Certificate certificate = Certificate.getInstance(der);
    TBSCertificate tbs = certificate.getTBSCertificate();
    V3TBSCertificateGenerator generator = new V3TBSCertificateGenerator();
    generator.setSerialNumber(tbs.getSerialNumber());
    generator.setSignature(tbs.getSignature());
    generator.setIssuer(tbs.getIssuer());
    generator.setStartDate(tbs.getStartDate());
    generator.setEndDate(tbs.getEndDate());
    generator.setSubject(tbs.getSubject());
    generator.setSubjectPublicKeyInfo(tbs.getSubjectPublicKeyInfo());
    generator.setExtensions(tbs.getExtensions());
    TBSCertificate expected = generator.generateTBSCertificate();

    assertArrayEquals(
        expected.getEncoded(ASN1Encoding.DER), tbs.getEncoded(ASN1Encoding.DER), "TBSCertificate");
    assertArrayEquals(certificate.getEncoded(ASN1Encoding.DER), der, "certificate");
    assertArrayEquals(
        Certificate.getInstance(ca.caCertificates().get(0))
            .getSubject()
            .getEncoded(ASN1Encoding.DER),
        tbs.getIssuer().getEncoded(ASN1Encoding.DER),
        "issuer as in the CA certificate");
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void certificateIsNotACa(CertificateProfile profile, Subject subject) throws Exception {
    X509CertificateHolder certificate = Certificates.holder(issue(profile, subject).der());

    Extension constraints = certificate.getExtension(Extension.basicConstraints);
    assertTrue(constraints.isCritical());
    assertFalse(BasicConstraints.getInstance(constraints.getParsedValue()).isCA());
  }

  @Test
  void certificateLinksToTheIssuingCaByKeyIdentifiers() throws Exception {
    KeyPair keys = TestKeys.p256();
    IssuedCertificate issued =
        ca.issue(new IssueRequest(Csrs.of(keys), CertificateProfile.NATURAL_PERSON, PERSON, 1));
    X509CertificateHolder certificate = Certificates.holder(issued.der());
    X509CertificateHolder issuing = Certificates.holder(issued.chain().get(0));

    byte[] caKeyId =
        SubjectKeyIdentifier.fromExtensions(issuing.getExtensions()).getKeyIdentifier();
    assertArrayEquals(
        caKeyId,
        AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier());
    assertArrayEquals(
        KeyIdentifiers.of(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())),
        SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier());
    assertEquals(issuing.getSubject(), certificate.getIssuer());
    assertTrue(
        certificate.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(CryptoProviders.BC)
                .build(issuing)));
  }

  @Test
  void certificateCarriesTheConfiguredCrlDistributionPointAndOcspResponder() throws Exception {
    X509CertificateHolder certificate =
        Certificates.holder(issue(CertificateProfile.ORGANISATION, ORGANISATION).der());

    CRLDistPoint points = CRLDistPoint.fromExtensions(certificate.getExtensions());
    GeneralName crl =
        GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint().getName())
            .getNames()[0];
    String keyId = ca.issuers().get(0).keyId();
    assertEquals(
        uri(CaManagedConnectionFactory.DEFAULT_CRL_URL.replace("{issuerKeyId}", keyId)), crl);
    assertEquals(
        "http://localhost:8080/portal/ca/crl/" + keyId + ".crl",
        crl.getName().toString(),
        "the CRL of the issuing CA that signed it");
    AccessDescription[] access =
        AuthorityInformationAccess.fromExtensions(certificate.getExtensions())
            .getAccessDescriptions();
    assertEquals(AccessDescription.id_ad_ocsp, access[0].getAccessMethod());
    assertEquals(uri(CaManagedConnectionFactory.DEFAULT_OCSP_URL), access[0].getAccessLocation());
    assertEquals(AccessDescription.id_ad_caIssuers, access[1].getAccessMethod());
    assertEquals(
        uri(CaManagedConnectionFactory.DEFAULT_CA_ISSUERS_URL.replace("{issuerKeyId}", keyId)),
        access[1].getAccessLocation());
  }

  @Test
  void certificateOmitsRevocationPointersThatAreNotConfigured(@TempDir Path other)
      throws Exception {
    CaManagedConnectionFactory factory = TestCa.factory(other, KeyAlgorithm.EC_P256);
    factory.setCrlDistributionPointUrl("");
    factory.setOcspUrl("");
    factory.setCaIssuersUrl(" ");
    try (CertificateAuthority bare = CertificateAuthority.open(factory.settings())) {
      X509CertificateHolder certificate =
          Certificates.holder(
              bare.issue(
                      new IssueRequest(
                          Csrs.of(TestKeys.p256()), CertificateProfile.NATURAL_PERSON, PERSON, 1))
                  .der());

      assertNull(certificate.getExtension(Extension.cRLDistributionPoints));
      assertNull(certificate.getExtension(Extension.authorityInfoAccess));
    }
  }

  @Test
  void validityLastsTheRequestedYearsToTheSecond() throws Exception {
    Instant start = Instant.parse("2027-03-01T08:30:15.750Z");

    IssuedCertificate issued =
        ca.issue(
            new IssueRequest(
                Csrs.of(TestKeys.p256()), CertificateProfile.ORGANISATION, ORGANISATION, 3, start));

    assertEquals(Instant.parse("2027-03-01T08:30:15Z"), issued.notBefore());
    assertEquals(Instant.parse("2030-03-01T08:30:14Z"), issued.notAfter());
    X509Certificate certificate = Certificates.jdk(issued.der());
    assertEquals(issued.notBefore(), certificate.getNotBefore().toInstant());
    assertEquals(issued.notAfter(), certificate.getNotAfter().toInstant());
  }

  @Test
  void aReplacementCertificateEndsWhenTheOneItReplacesEnds() throws Exception {
    Instant end = Instant.now().plus(400, ChronoUnit.DAYS).plusMillis(500);

    IssuedCertificate issued =
        ca.issue(
            IssueRequest.until(
                Csrs.of(TestKeys.p256()), CertificateProfile.ORGANISATION, ORGANISATION, end));

    assertEquals(end.truncatedTo(ChronoUnit.SECONDS), issued.notAfter());
    assertEquals(issued.notAfter(), Certificates.jdk(issued.der()).getNotAfter().toInstant());
  }

  @Test
  void aValidityThatWouldEndBeforeItStartsIsRefused() {
    Instant past = Instant.now().minus(1, ChronoUnit.DAYS);
    org.junit.jupiter.api.Assertions.assertThrows(
        cn.cwca.portal.ca.CaException.class,
        () ->
            ca.issue(
                IssueRequest.until(
                    Csrs.of(TestKeys.p256()),
                    CertificateProfile.ORGANISATION,
                    ORGANISATION,
                    past)));
  }

  @Test
  void validityStartsNowWhenNoStartIsGiven() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    IssuedCertificate issued = issue(CertificateProfile.NATURAL_PERSON, PERSON);

    Instant after = Instant.now();
    assertFalse(issued.notBefore().isBefore(before));
    assertFalse(issued.notBefore().isAfter(after));
    assertEquals(
        issued.notBefore().atOffset(ZoneOffset.UTC).plusYears(2).minusSeconds(1).toInstant(),
        issued.notAfter());
  }

  @Test
  void validityIsEncodedAsUtcTimeBefore2050() throws Exception {
    Certificate certificate =
        Certificate.getInstance(issue(CertificateProfile.NATURAL_PERSON, PERSON).der());

    ASN1Primitive notAfter = certificate.getEndDate().toASN1Primitive();
    assertTrue(notAfter instanceof ASN1UTCTime, "GM/T 0015: UTCTime up to 2049");
  }

  @Test
  void refusesACertificateThatWouldOutliveTheIssuingCa() {
    CaException refused =
        assertThrows(
            CaException.class,
            () ->
                ca.issue(
                    new IssueRequest(
                        Csrs.of(TestKeys.p256()), CertificateProfile.NATURAL_PERSON, PERSON, 25)));
    assertTrue(refused.getMessage().contains("issuing CA"), refused.getMessage());
  }

  @ParameterizedTest
  @MethodSource("subscriberKeys")
  void issuesForEveryAllowedKeyAlgorithmAndReportsIt(KeyAlgorithm expected, KeyPair keys)
      throws Exception {
    IssuedCertificate issued =
        ca.issue(new IssueRequest(Csrs.of(keys), CertificateProfile.ORGANISATION, ORGANISATION, 1));

    assertEquals(expected, issued.keyAlgorithm());
    assertArrayEquals(
        keys.getPublic().getEncoded(),
        Certificates.holder(issued.der()).getSubjectPublicKeyInfo().getEncoded());
  }

  @Test
  void serialOfTheCertificateIsTheReportedHexSerial() throws Exception {
    IssuedCertificate issued = issue(CertificateProfile.NATURAL_PERSON, PERSON);

    assertEquals(issued.serialHex(), Certificates.jdk(issued.der()).getSerialNumber().toString(16));
    assertEquals(32, issued.serialHex().length());
  }

  @Test
  void chainIsTheIssuingCaThenTheRoot() throws Exception {
    IssuedCertificate issued = issue(CertificateProfile.NATURAL_PERSON, PERSON);

    assertEquals(2, issued.chain().size());
    X509Certificate issuing = Certificates.jdk(issued.chain().get(0));
    X509Certificate root = Certificates.jdk(issued.chain().get(1));
    assertEquals(issuing.getIssuerX500Principal(), root.getSubjectX500Principal());
    assertEquals(root.getIssuerX500Principal(), root.getSubjectX500Principal());
    assertEquals(0, issuing.getBasicConstraints());
    assertEquals(
        ca.caCertificates().stream().map(Arrays::toString).toList(),
        issued.chain().stream().map(Arrays::toString).toList());
  }

  static Stream<Arguments> profiles() {
    return Stream.of(
        Arguments.of(CertificateProfile.ORGANISATION, ORGANISATION),
        Arguments.of(CertificateProfile.NATURAL_PERSON, PERSON));
  }

  static Stream<Arguments> subscriberKeys() {
    return Stream.of(
        Arguments.of(KeyAlgorithm.RSA_2048, TestKeys.rsa(2048)),
        Arguments.of(KeyAlgorithm.RSA_3072, TestKeys.rsa(3072)),
        Arguments.of(KeyAlgorithm.EC_P256, TestKeys.p256()),
        Arguments.of(KeyAlgorithm.EC_P384, TestKeys.ec("secp384r1")),
        Arguments.of(KeyAlgorithm.SM2, TestKeys.sm2()));
  }

  private static GeneralName uri(String url) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, url);
  }

  private static String text(RDN rdn) {
    return BCStyle.INSTANCE.oidToDisplayName(rdn.getFirst().getType())
        + "="
        + rdn.getFirst().getValue();
  }

  private static ASN1Encodable value(X500Name name, ASN1ObjectIdentifier type) {
    return name.getRDNs(type)[0].getFirst().getValue();
  }
}
