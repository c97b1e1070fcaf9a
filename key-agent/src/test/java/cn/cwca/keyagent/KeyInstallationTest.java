package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.keyagent.AgentClient.Response;
import cn.cwca.keyagent.http.AgentServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 制证 that is interrupted: a generated key is kept on the token at once, waiting for its
 * certificate, so that the certificate issued for it can be installed in a later session, found by
 * its public key; installing it again changes nothing.
 */
class KeyInstallationTest {

  private static final TestCa CA = new TestCa();

  private static SoftHsm softHsm;
  private static AgentServer agent;
  private static AgentClient portal;

  @BeforeAll
  static void startAgent() {
    softHsm = SoftHsm.tokens();
    agent = TestAgent.startWithSoftHsm(softHsm, Clock.systemUTC());
    portal = new AgentClient(agent.address(), TestAgent.PORTAL);
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA-2048", "EC-P256"})
  void aKeyOutlivesItsSessionAndTakesItsCertificateWithoutTheKeyId(String algorithm)
      throws Exception {
    String first = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key = generateKey(first, algorithm, "CN=中断制证 " + algorithm);
    X509Certificate issued = CA.issue(csr(key));
    assertEquals(204, portal.post("/v1/logout", first, JsonObject.EMPTY_JSON_OBJECT).status());

    String second = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response installed = install(second, null, issued);

    assertEquals(201, installed.status(), installed.body());
    String serial = issued.getSerialNumber().toString(16);
    assertEquals(serial, installed.json().getString("alias"));
    assertTrue(installed.json().getBoolean("hasPrivateKey"));
    JsonObject listed = listed(second, issued);
    assertTrue(listed.getBoolean("hasPrivateKey"));
    assertEquals(serial, listed.getString("alias"));
    assertFalse(
        TokenEntries.aliases(softHsm, SoftHsm.TOKEN).contains(pendingAlias(key)),
        "the waiting entry became the certificate's");
    Response proof =
        portal.post(
            "/v1/sign",
            second,
            Json.createObjectBuilder()
                .add("serialNumber", serial)
                .add("nonce", Base64.getEncoder().encodeToString(new byte[16]))
                .build());
    assertEquals(200, proof.status(), proof.body());
  }

  @Test
  void theKeyIdStillNamesTheKeyInALaterSession() throws Exception {
    String first = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key = generateKey(first, "EC-P256", "CN=稍后安装");
    X509Certificate issued = CA.issue(csr(key));

    String second = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response installed = install(second, key.json().getString("keyId"), issued);

    assertEquals(201, installed.status(), installed.body());
    listed(second, issued);
  }

  @Test
  void installingTheSameCertificateAgainAnswersTheStoredOne() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key = generateKey(session, "EC-P256", "CN=重复安装");
    X509Certificate issued = CA.issue(csr(key));
    Response first = install(session, key.json().getString("keyId"), issued);
    assertEquals(201, first.status(), first.body());

    Response again = install(session, null, issued);
    Response againWithKeyId = install(session, key.json().getString("keyId"), issued);

    assertEquals(200, again.status(), again.body());
    assertEquals(first.json(), again.json());
    assertEquals(200, againWithKeyId.status(), againWithKeyId.body());
    assertEquals(first.json(), againWithKeyId.json());
    String certificate = Base64.getEncoder().encodeToString(issued.getEncoded());
    assertEquals(
        1,
        certificates(session).stream()
            .filter(item -> item.getString("certificate").equals(certificate))
            .count(),
        "the certificate is on the token once");
  }

  @Test
  void refusesACertificateForAKeyThatIsNotOnTheToken() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    X509Certificate elsewhere = CA.issue(softwareCsr());

    Response response = install(session, null, elsewhere);

    assertEquals(422, response.status(), response.body());
    assertEquals("key_not_found", response.json().getString("error"));
  }

  @Test
  void refusesAKeyIdThatNamesNoWaitingKey() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key = generateKey(session, "EC-P256", "CN=未知密钥");
    X509Certificate issued = CA.issue(csr(key));

    Response response = install(session, "0123456789abcdef0123456789abcdef", issued);

    assertEquals(422, response.status(), response.body());
    assertEquals("key_not_found", response.json().getString("error"));
  }

  @Test
  void waitingKeysAreOnTheTokenButNotListed() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);

    Response key = generateKey(session, "EC-P256", "CN=等待证书");

    assertTrue(
        TokenEntries.aliases(softHsm, SoftHsm.TOKEN).contains(pendingAlias(key)),
        "the key waits on the token under " + pendingAlias(key));
    for (JsonObject item : certificates(session)) {
      assertFalse(item.getString("alias").startsWith("pending-"), item.toString());
      assertFalse(item.getString("subject").equals("CN=pending"), item.toString());
    }
  }

  @Test
  void refusesAnAliasOfTheAgentsOwn() throws Exception {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key = generateKey(session, "EC-P256", "CN=保留别名");
    X509Certificate issued = CA.issue(csr(key));

    Response response =
        portal.post(
            "/v1/certificates", session, body(null, issued).add("alias", "pending-mine").build());

    assertEquals(400, response.status(), response.body());
  }

  private static String pendingAlias(Response key) {
    return "pending-" + key.json().getString("keyId");
  }

  private static Response generateKey(String session, String algorithm, String subject) {
    Response response =
        portal.post(
            "/v1/keys",
            session,
            Json.createObjectBuilder().add("algorithm", algorithm).add("subject", subject).build());
    assertEquals(201, response.status(), response.body());
    return response;
  }

  private static Response install(String session, String keyId, X509Certificate certificate)
      throws Exception {
    return portal.post("/v1/certificates", session, body(keyId, certificate).build());
  }

  private static JsonObjectBuilder body(String keyId, X509Certificate certificate)
      throws Exception {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()))
            .add(
                "chain",
                Json.createArrayBuilder()
                    .add(Base64.getEncoder().encodeToString(CA.certificate().getEncoded())));
    if (keyId != null) {
      body.add("keyId", keyId);
    }
    return body;
  }

  private static byte[] csr(Response key) throws Exception {
    return new PKCS10CertificationRequest(Base64.getDecoder().decode(key.json().getString("csr")))
        .getEncoded();
  }

  /** A request for a key made in software, which no token holds. */
  private static byte[] softwareCsr() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair pair = generator.generateKeyPair();
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=别处的密钥"), pair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
        .getEncoded();
  }

  private static List<JsonObject> certificates(String session) {
    Response list = portal.get("/v1/certificates", session);
    assertEquals(200, list.status(), list.body());
    return list.json().getJsonArray("certificates").getValuesAs(JsonObject.class);
  }

  private static JsonObject listed(String session, X509Certificate certificate) {
    String serial = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    return certificates(session).stream()
        .filter(item -> item.getString("serialNumber").equals(serial))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Certificate " + serial + " is not listed"));
  }
}
