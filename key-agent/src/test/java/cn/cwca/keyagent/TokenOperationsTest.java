package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.keyagent.AgentClient.Response;
import cn.cwca.keyagent.http.AgentServer;
import cn.cwca.keyagent.pkcs11.ProofOfPossession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's API against a SoftHSM2 token: keys, CSRs, certificates, signatures, PINs. */
class TokenOperationsTest {

  /** A second allowed origin, whose pages get proofs of their own. */
  private static final String OTHER_PORTAL = "https://other-portal.example.cn";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static AgentServer agent;
  private static AgentClient portal;
  private static AgentClient otherPortal;
  private static final TestCa CA = new TestCa();

  @BeforeAll
  static void startAgent() {
    agent =
        TestAgent.start(
            List.of(SoftHsm.tokens().library()), Clock.systemUTC(), TestAgent.PORTAL, OTHER_PORTAL);
    portal = new AgentClient(agent.address(), TestAgent.PORTAL);
    otherPortal = new AgentClient(agent.address(), OTHER_PORTAL);
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void statusListsEachTokenWithLabelSerialManufacturerAndModel() {
    Response response = portal.get("/v1/status");

    assertEquals(200, response.status());
    JsonObject status = response.json();
    assertEquals(AgentVersion.API_VERSION, status.getInt("apiVersion"));
    assertFalse(status.getString("agentVersion").isBlank());
    assertEquals(AgentVersion.MIN_PORTAL_VERSION, status.getString("minPortalVersion"));
    JsonObject token = token(status, SoftHsm.TOKEN);
    assertAll(
        () -> assertFalse(token.getString("serial").isBlank()),
        () -> assertEquals("SoftHSM project", token.getString("manufacturer")),
        () -> assertEquals("SoftHSM v2", token.getString("model")),
        () -> assertTrue(token.getBoolean("loginRequired")),
        () ->
            assertEquals(
                List.of("RSA-2048", "EC-P256"),
                token.getJsonArray("keyAlgorithms").getValuesAs(JsonString::getString)));
    token(status, SoftHsm.BROWSER_TOKEN);
    assertTrue(
        status.getJsonArray("libraries").getJsonObject(0).getBoolean("loaded"),
        "the SoftHSM2 library is loaded");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA-2048", "EC-P256"})
  void generatesTheKeyPairOnTheTokenAndReturnsACsrThatVerifies(String algorithm) throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);

    Response response = generateKey(session, algorithm, "CN=张三,O=测试单位,C=CN");

    assertEquals(201, response.status(), response.body());
    assertEquals(algorithm, response.json().getString("algorithm"));
    PKCS10CertificationRequest csr = csr(response);
    assertTrue(
        csr.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(new BouncyCastleProvider())
                .build(csr.getSubjectPublicKeyInfo())));
    assertEquals(new X500Name("CN=张三,O=测试单位,C=CN"), csr.getSubject());
    String keyOid = algorithm.equals("RSA-2048") ? "1.2.840.113549.1.1.1" : "1.2.840.10045.2.1";
    assertEquals(keyOid, csr.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId());
  }

  @Test
  void refusesSm2BecauseTheTokenCannotGenerateItThroughPkcs11() {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);

    Response response = generateKey(session, "SM2", "CN=李四");

    assertEquals(422, response.status());
    assertEquals("algorithm_unsupported", response.json().getString("error"));
    assertTrue(response.json().getString("message").contains("SM2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA-2048", "EC-P256"})
  void installsTheIssuedCertificateNextToItsKeyAndListsIt(String algorithm) throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key = generateKey(session, algorithm, "CN=王五 " + algorithm);
    X509Certificate issued = CA.issue(csr(key).getEncoded());

    Response installed = install(session, key.json().getString("keyId"), issued);

    assertEquals(201, installed.status(), installed.body());
    JsonObject listed = certificate(portal.get("/v1/certificates", session), issued);
    assertAll(
        () -> assertEquals(issued.getSubjectX500Principal().getName(), listed.getString("subject")),
        () ->
            assertEquals(
                CA.certificate().getSubjectX500Principal().getName(), listed.getString("issuer")),
        () -> assertEquals(algorithm, listed.getString("keyAlgorithm")),
        () -> assertTrue(listed.getBoolean("hasPrivateKey")),
        () ->
            assertEquals(issued.getNotAfter().toInstant().toString(), listed.getString("notAfter")),
        () ->
            assertEquals(
                Base64.getEncoder().encodeToString(issued.getEncoded()),
                listed.getString("certificate")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA-2048", "EC-P256"})
  void signsTheProofTextOfTheOriginAndNonceWithTheCertificatesKey(String algorithm)
      throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    X509Certificate issued = certificateWithKey(session, algorithm, "CN=赵六 " + algorithm);
    String nonce = nonce(32);

    Response response = prove(portal, session, issued, nonce);

    assertEquals(200, response.status(), response.body());
    String expected = "CA-PORTAL-PROOF-V1\n" + TestAgent.PORTAL + "\n" + nonce;
    assertEquals(expected, response.json().getString("signedText"));
    assertEquals(expected, ProofOfPossession.text(TestAgent.PORTAL, nonce));
    assertEquals(
        issued.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
        response.json().getString("serialNumber"));
    assertEquals(
        algorithm.equals("RSA-2048") ? "SHA256withRSA" : "SHA256withECDSA",
        response.json().getString("algorithm"));
    assertTrue(verifies(response, issued, expected), "the signature verifies over the text");
  }

  @Test
  void anotherOriginGetsAnotherSignedText() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    X509Certificate issued = certificateWithKey(session, "EC-P256", "CN=两个门户");
    String nonce = nonce(16);

    Response ours = prove(portal, session, issued, nonce);
    Response theirs = prove(otherPortal, session, issued, nonce);

    assertEquals(200, ours.status(), ours.body());
    assertEquals(200, theirs.status(), theirs.body());
    String otherText = "CA-PORTAL-PROOF-V1\n" + OTHER_PORTAL + "\n" + nonce;
    assertEquals(otherText, theirs.json().getString("signedText"));
    assertNotEquals(ours.json().getString("signedText"), theirs.json().getString("signedText"));
    assertTrue(verifies(theirs, issued, otherText));
    assertFalse(
        verifies(theirs, issued, ours.json().getString("signedText")),
        "a proof made for one portal is no proof for the other");
  }

  @Test
  void refusesToSignARawChallenge() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    X509Certificate issued = certificateWithKey(session, "EC-P256", "CN=原始挑战");

    Response response =
        portal.post(
            "/v1/sign",
            session,
            Json.createObjectBuilder()
                .add("serialNumber", issued.getSerialNumber().toString(16))
                .add(
                    "challenge",
                    Base64.getEncoder()
                        .encodeToString("any bytes".getBytes(StandardCharsets.UTF_8)))
                .build());

    assertEquals(400, response.status());
    assertEquals("raw_challenge_refused", response.json().getString("error"));
    assertFalse(response.body().contains("signature"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AAAAAAAAAAAAAAAAAAAA", // 15 bytes
        "not base64 at all!",
        "AAAAAAAAAAAAAAAAAAAAAA", // 16 bytes without padding
        "AAAAAAAAAAAAAAAAAAAAAB==", // stray bits: not the canonical spelling
      })
  void refusesANonceThatIsNotCanonicalBase64OfSixteenToSixtyFourBytes(String nonce)
      throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    X509Certificate issued = certificateWithKey(session, "EC-P256", "CN=坏的随机数");

    Response response = prove(portal, session, issued, nonce);

    assertEquals(400, response.status(), response.body());
    assertEquals("bad_request", response.json().getString("error"));
  }

  @Test
  void refusesANonceLongerThanSixtyFourBytes() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    X509Certificate issued = certificateWithKey(session, "EC-P256", "CN=太长的随机数");

    assertEquals(200, prove(portal, session, issued, nonce(64)).status());
    Response response = prove(portal, session, issued, nonce(65));

    assertEquals(400, response.status(), response.body());
    assertEquals("bad_request", response.json().getString("error"));
  }

  @Test
  void refusesACertificateIssuedForAnotherKey() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response first = generateKey(session, "EC-P256", "CN=first");
    Response second = generateKey(session, "EC-P256", "CN=second");
    X509Certificate forSecond = CA.issue(csr(second).getEncoded());

    Response response = install(session, first.json().getString("keyId"), forSecond);

    assertEquals(422, response.status());
    assertEquals("certificate_mismatch", response.json().getString("error"));
  }

  @Test
  void refusesAWrongPinAndTellsThatTheTriesRunLow() {
    Response response =
        portal.post(
            "/v1/login",
            Json.createObjectBuilder().add("label", SoftHsm.TOKEN).add("pin", "000000").build());

    assertEquals(401, response.status());
    assertEquals("pin_incorrect", response.json().getString("error"));
    assertTrue(
        response.json().getJsonObject("pin").getBoolean("countLow"),
        "SoftHSM2 raises CKF_USER_PIN_COUNT_LOW after a wrong PIN");
    assertFalse(response.body().contains("session"));
  }

  @Test
  void neitherAnswersNorLogsThePin() {
    String wrongPin = "913572468";
    try (LogRecorder log = new LogRecorder()) {
      Response refused =
          portal.post(
              "/v1/login",
              Json.createObjectBuilder().add("label", SoftHsm.TOKEN).add("pin", wrongPin).build());
      Response accepted =
          portal.post(
              "/v1/login",
              Json.createObjectBuilder()
                  .add("label", SoftHsm.TOKEN)
                  .add("pin", SoftHsm.PIN)
                  .build());

      assertEquals(401, refused.status());
      assertEquals(200, accepted.status());
      assertFalse(refused.body().contains(wrongPin));
      assertFalse(accepted.body().contains(SoftHsm.PIN));
      assertFalse(log.text().isEmpty(), "the logins were logged");
      assertFalse(log.text().contains(wrongPin));
      assertFalse(log.text().contains(SoftHsm.PIN));
      assertFalse(log.text().contains(accepted.json().getString("session")));
    }
  }

  @Test
  void logsInByTokenSerial() {
    String serial = token(portal.get("/v1/status").json(), SoftHsm.TOKEN).getString("serial");

    Response response =
        portal.post(
            "/v1/login",
            Json.createObjectBuilder().add("serial", serial).add("pin", SoftHsm.PIN).build());

    assertEquals(200, response.status());
    assertEquals(SoftHsm.TOKEN, response.json().getJsonObject("token").getString("label"));
  }

  @Test
  void answersNotFoundForATokenThatIsNotPresent() {
    Response response =
        portal.post(
            "/v1/login",
            Json.createObjectBuilder().add("label", "NO-SUCH-KEY").add("pin", SoftHsm.PIN).build());

    assertEquals(404, response.status());
    assertEquals("token_not_found", response.json().getString("error"));
  }

  @Test
  void endsTheSessionOnLogout() {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);

    Response logout = portal.post("/v1/logout", session, JsonObject.EMPTY_JSON_OBJECT);

    assertEquals(204, logout.status());
    Response after = portal.get("/v1/certificates", session);
    assertEquals(401, after.status());
    assertEquals("session_unknown", after.json().getString("error"));
  }

  @Test
  void aNewLoginToTheTokenEndsThePreviousSession() {
    String first = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    String second = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);

    assertNotEquals(first, second);
    assertEquals(401, portal.get("/v1/certificates", first).status());
    assertEquals(200, portal.get("/v1/certificates", second).status());
  }

  @Test
  void refusesTokenRequestsWithoutASession() {
    Response response = portal.get("/v1/certificates");

    assertEquals(401, response.status());
    assertEquals("session_unknown", response.json().getString("error"));
  }

  private static Response generateKey(String session, String algorithm, String subject) {
    return portal.post(
        "/v1/keys",
        session,
        Json.createObjectBuilder().add("algorithm", algorithm).add("subject", subject).build());
  }

  private static Response install(String session, String keyId, X509Certificate certificate)
      throws Exception {
    return portal.post(
        "/v1/certificates",
        session,
        Json.createObjectBuilder()
            .add("keyId", keyId)
            .add("certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()))
            .add(
                "chain",
                Json.createArrayBuilder()
                    .add(Base64.getEncoder().encodeToString(CA.certificate().getEncoded())))
            .build());
  }

  /** A new key of the algorithm on the token with its certificate installed. */
  private static X509Certificate certificateWithKey(
      String session, String algorithm, String subject) throws Exception {
    Response key = generateKey(session, algorithm, subject);
    assertEquals(201, key.status(), key.body());
    X509Certificate issued = CA.issue(csr(key).getEncoded());
    Response installed = install(session, key.json().getString("keyId"), issued);
    assertEquals(201, installed.status(), installed.body());
    return issued;
  }

  private static Response prove(
      AgentClient page, String session, X509Certificate certificate, String nonce) {
    return page.post(
        "/v1/sign",
        session,
        Json.createObjectBuilder()
            .add("serialNumber", certificate.getSerialNumber().toString(16))
            .add("nonce", nonce)
            .build());
  }

  private static boolean verifies(Response proof, X509Certificate certificate, String text)
      throws Exception {
    Signature verifier = Signature.getInstance(proof.json().getString("algorithm"));
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(text.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(Base64.getDecoder().decode(proof.json().getString("signature")));
  }

  /** A server's nonce: random bytes in base64. */
  private static String nonce(int bytes) {
    byte[] nonce = new byte[bytes];
    RANDOM.nextBytes(nonce);
    return Base64.getEncoder().encodeToString(nonce);
  }

  private static PKCS10CertificationRequest csr(Response key) throws Exception {
    return new PKCS10CertificationRequest(Base64.getDecoder().decode(key.json().getString("csr")));
  }

  static JsonObject token(JsonObject status, String label) {
    return status.getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
        .filter(token -> token.getString("label").equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No token " + label + " in " + status));
  }

  private static JsonObject certificate(Response list, X509Certificate wanted) throws Exception {
    assertEquals(200, list.status(), list.body());
    for (JsonObject item : list.json().getJsonArray("certificates").getValuesAs(JsonObject.class)) {
      X509Certificate listed =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(
                          Base64.getDecoder().decode(item.getString("certificate"))));
      if (listed.equals(wanted)) {
        assertEquals(
            wanted.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
            item.getString("serialNumber"));
        return item;
      }
    }
    throw new AssertionError("The token does not list " + wanted.getSubjectX500Principal());
  }
}
