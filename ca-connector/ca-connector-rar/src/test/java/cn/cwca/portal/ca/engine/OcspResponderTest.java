package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.CertificateStatus;
import cn.cwca.portal.ca.CertificateStatusLookup;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.ca.Subject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OCSP responder (RFC 6960), its answers read back with Bouncy Castle. */
class OcspResponderTest {

  private static final Subject PERSON =
      Subject.person("赵六", IdentityDocumentType.RESIDENT_ID_CARD, "110101190001010006");
  private static final Instant REVOKED_AT = Instant.parse("2026-11-24T12:00:00Z");

  @TempDir static Path folder;
  private static CertificateAuthority ca;
  private static X509CertificateHolder issuing;

  @BeforeAll
  static void openCa() throws Exception {
    ca = TestCa.open(folder, KeyAlgorithm.EC_P256);
    issuing = Certificates.holder(ca.caCertificates().get(0));
  }

  @AfterAll
  static void closeCa() {
    ca.close();
  }

  @Test
  void answersGoodRevokedAndUnknownAsTheLookupSays() throws Exception {
    String good = issue().serialHex();
    String revoked = issue().serialHex();
    String unknown = "1234abcd";
    Map<String, CertificateStatus> statuses =
        Map.of(
            good, CertificateStatus.good(),
            revoked, CertificateStatus.revoked(REVOKED_AT, RevocationReason.KEY_COMPROMISE),
            unknown, CertificateStatus.unknown());
    CertificateStatusLookup lookup = (issuer, hex) -> statuses.get(hex);

    BasicOCSPResp response =
        successful(ca.answerOcsp(request(sha1(), good, revoked, unknown), lookup));

    SingleResp[] answers = response.getResponses();
    assertEquals(3, answers.length);
    assertNull(answers[0].getCertStatus(), "good");
    RevokedStatus status = (RevokedStatus) answers[1].getCertStatus();
    assertEquals(REVOKED_AT, status.getRevocationTime().toInstant());
    assertEquals(CRLReason.keyCompromise, status.getRevocationReason());
    assertTrue(answers[2].getCertStatus() instanceof UnknownStatus);
    assertEquals(new BigInteger(good, 16), answers[0].getCertID().getSerialNumber());
  }

  @Test
  void asksTheLookupWithTheSerialInLowerCaseHex() throws Exception {
    String serial = issue().serialHex();
    List<String> asked = new ArrayList<>();

    ca.answerOcsp(
        request(sha1(), serial),
        (issuer, hex) -> {
          asked.add(hex);
          return CertificateStatus.good();
        });

    assertEquals(List.of(serial), asked);
  }

  @Test
  void leavesTheReasonOutOfARevocationWithoutReason() throws Exception {
    String serial = issue().serialHex();

    BasicOCSPResp response =
        successful(
            ca.answerOcsp(
                request(sha1(), serial),
                (issuer, hex) ->
                    CertificateStatus.revoked(REVOKED_AT, RevocationReason.UNSPECIFIED)));

    RevokedStatus status = (RevokedStatus) response.getResponses()[0].getCertStatus();
    assertFalse(status.hasRevocationReason());
  }

  @Test
  void isSignedByTheIssuingCaAndNamesItByKeyHash() throws Exception {
    BasicOCSPResp response =
        successful(
            ca.answerOcsp(
                request(sha1(), issue().serialHex()), (issuer, hex) -> CertificateStatus.good()));

    assertTrue(
        response.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(CryptoProviders.BC)
                .build(issuing)));
    DigestCalculator sha1 = sha1();
    sha1.getOutputStream().write(issuing.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
    assertArrayEquals(sha1.getDigest(), response.getResponderId().toASN1Primitive().getKeyHash());
    assertEquals(1, response.getCerts().length);
    assertEquals(issuing, response.getCerts()[0]);
  }

  @Test
  void echoesTheRequestNonce() throws Exception {
    Extension nonce =
        new Extension(
            OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
            false,
            new DEROctetString(new DEROctetString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(id(sha1(), issue().serialHex()))
            .setRequestExtensions(new Extensions(nonce))
            .build()
            .getEncoded();

    BasicOCSPResp response =
        successful(ca.answerOcsp(request, (issuer, hex) -> CertificateStatus.good()));

    assertEquals(nonce, response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
  }

  @Test
  void recognisesCertificateIdsHashedWithSha256() throws Exception {
    String serial = issue().serialHex();
    DigestCalculator sha256 =
        new BcDigestCalculatorProvider()
            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));

    BasicOCSPResp response =
        successful(
            ca.answerOcsp(
                request(sha256, serial),
                (issuer, hex) ->
                    CertificateStatus.revoked(REVOKED_AT, RevocationReason.SUPERSEDED)));

    assertTrue(response.getResponses()[0].getCertStatus() instanceof RevokedStatus);
  }

  @Test
  void answersUnauthorizedForCertificatesOfAnotherCa(@TempDir Path other) throws Exception {
    byte[] request;
    try (CertificateAuthority another = TestCa.open(other, KeyAlgorithm.EC_P256)) {
      IssuedCertificate foreign =
          another.issue(
              new IssueRequest(
                  Csrs.of(TestKeys.p256()), CertificateProfile.NATURAL_PERSON, PERSON, 1));
      request =
          new OCSPReqBuilder()
              .addRequest(
                  new CertificateID(
                      sha1(),
                      Certificates.holder(foreign.chain().get(0)),
                      new BigInteger(foreign.serialHex(), 16)))
              .build()
              .getEncoded();
    }

    OCSPResp response =
        new OCSPResp(
            ca.answerOcsp(
                request,
                (issuer, hex) -> {
                  throw new AssertionError("never asked about another CA's certificates");
                }));

    assertEquals(OCSPRespBuilder.UNAUTHORIZED, response.getStatus());
  }

  @Test
  void answersMalformedRequestForBytesThatAreNotARequest() throws Exception {
    OCSPResp response =
        new OCSPResp(
            ca.answerOcsp(
                new byte[] {0x30, 0x03, 0x02, 0x01}, (issuer, hex) -> CertificateStatus.good()));

    assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, response.getStatus());
    assertNull(response.getResponseObject());
  }

  @Test
  void answersMalformedRequestForACertIdThatIsNotOne() throws Exception {
    // OCSPRequest { TBSRequest { requestList { Request { reqCert: INTEGER 5 } } } }
    byte[] request =
        new DERSequence(
                new DERSequence(
                    new DERSequence(new DERSequence(new DERSequence(new ASN1Integer(5))))))
            .getEncoded();

    OCSPResp response =
        new OCSPResp(ca.answerOcsp(request, (issuer, hex) -> CertificateStatus.good()));

    assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, response.getStatus());
  }

  @ParameterizedTest(name = "a nonce of {0} octets")
  @ValueSource(ints = {0, 129, 1000})
  void answersMalformedRequestForANonceOfNoneOrTooManyOctets(int octets) throws Exception {
    OCSPResp response =
        new OCSPResp(
            ca.answerOcsp(withNonce(new byte[octets]), (issuer, hex) -> CertificateStatus.good()));

    assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, response.getStatus());
  }

  @ParameterizedTest(name = "a nonce of {0} octets")
  @ValueSource(ints = {1, 16, 32, 128})
  void echoesNoncesFromOneTo128Octets(int octets) throws Exception {
    byte[] nonce = new byte[octets];
    java.util.Arrays.fill(nonce, (byte) 7);

    BasicOCSPResp response =
        successful(ca.answerOcsp(withNonce(nonce), (issuer, hex) -> CertificateStatus.good()));

    assertArrayEquals(
        new DEROctetString(nonce).getEncoded(),
        response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets());
  }

  @Test
  void echoesANonceSentWithoutItsOctetStringAsOlderClientsDo() throws Exception {
    byte[] raw = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x08};
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(id(sha1(), issue().serialHex()))
            .setRequestExtensions(
                new Extensions(
                    new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(raw))))
            .build()
            .getEncoded();

    BasicOCSPResp response =
        successful(ca.answerOcsp(request, (issuer, hex) -> CertificateStatus.good()));

    assertArrayEquals(
        raw,
        response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets());
  }

  private static byte[] withNonce(byte[] nonce) throws Exception {
    return new OCSPReqBuilder()
        .addRequest(id(sha1(), issue().serialHex()))
        .setRequestExtensions(
            new Extensions(
                new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new DEROctetString(new DEROctetString(nonce)))))
        .build()
        .getEncoded();
  }

  @Test
  void answersInternalErrorWhenTheLookupFails() throws Exception {
    byte[] request = request(sha1(), issue().serialHex());

    OCSPResp failed =
        new OCSPResp(
            ca.answerOcsp(
                request,
                (issuer, hex) -> {
                  throw new IllegalStateException("database down");
                }));
    OCSPResp nothing = new OCSPResp(ca.answerOcsp(request, (issuer, hex) -> null));

    assertEquals(OCSPRespBuilder.INTERNAL_ERROR, failed.getStatus());
    assertEquals(OCSPRespBuilder.INTERNAL_ERROR, nothing.getStatus());
  }

  private static IssuedCertificate issue() throws Exception {
    return ca.issue(
        new IssueRequest(Csrs.of(TestKeys.p256()), CertificateProfile.NATURAL_PERSON, PERSON, 1));
  }

  private static byte[] request(DigestCalculator digest, String... serials) throws Exception {
    OCSPReqBuilder builder = new OCSPReqBuilder();
    for (String serial : serials) {
      builder.addRequest(id(digest, serial));
    }
    return builder.build().getEncoded();
  }

  private static CertificateID id(DigestCalculator digest, String serial) throws Exception {
    return new CertificateID(digest, issuing, new BigInteger(serial, 16));
  }

  private static DigestCalculator sha1() throws Exception {
    return new BcDigestCalculatorProvider().get(CertificateID.HASH_SHA1);
  }

  private static BasicOCSPResp successful(byte[] der) throws Exception {
    OCSPResp response = new OCSPResp(der);
    assertEquals(OCSPRespBuilder.SUCCESSFUL, response.getStatus());
    return (BasicOCSPResp) response.getResponseObject();
  }
}
