package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.keyagent.AgentClient.Response;
import cn.cwca.keyagent.http.AgentServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 制证 at the office: the security officer's PIN sets the user PIN of a key, here a SoftHSM2 token
 * made by {@code softhsm2-util --init-token --free --label X --so-pin S --pin U}, whose user PIN is
 * therefore set already: it may be set again only when the request says so.
 */
class InitUserPinTest {

  private static AgentServer agent;
  private static AgentClient portal;

  @BeforeAll
  static void startAgent() {
    agent = TestAgent.startWithSoftHsm(SoftHsm.tokens(), Clock.systemUTC());
    portal = new AgentClient(agent.address(), TestAgent.PORTAL);
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void theSecurityOfficerSetsTheUserPinAgainAndTheNewPinLogsIn() {
    String earlier = portal.login(SoftHsm.INIT_PIN_TOKEN, currentPin());

    Response response = initPin(SoftHsm.SO_PIN, "13572468", true);

    assertEquals(204, response.status(), response.body());
    assertEquals(
        401,
        portal.get("/v1/certificates", earlier).status(),
        "the session on the token ended with the PIN");
    assertEquals(401, login("246810xx").status());
    Response login = login("13572468");
    assertEquals(200, login.status(), login.body());
    currentPin = "13572468";
    assertTrue(token().getBoolean("userPinInitialised"));
  }

  @Test
  void refusesToReplaceAUserPinUnlessAskedTo() {
    Response response = initPin(SoftHsm.SO_PIN, "99887766", false);
    Response absent =
        portal.post(
            "/v1/tokens/init-pin",
            selector().add("soPin", SoftHsm.SO_PIN).add("userPin", "99887766").build());

    assertEquals(409, response.status(), response.body());
    assertEquals("pin_already_initialised", response.json().getString("error"));
    assertEquals(409, absent.status(), absent.body());
    assertEquals(200, login(currentPin()).status(), "the user PIN is unchanged");
  }

  @Test
  void refusesAWrongSecurityOfficerPinAndTellsItsFlags() {
    Response response = initPin("00000000", "99887766", true);

    assertEquals(401, response.status(), response.body());
    assertEquals("so_pin_incorrect", response.json().getString("error"));
    assertTrue(response.json().containsKey("pin"), response.body());
    assertTrue(
        response.json().getJsonObject("pin").getBoolean("countLow"),
        "SoftHSM2 raises CKF_SO_PIN_COUNT_LOW after a wrong SO PIN");
    assertEquals(200, login(currentPin()).status(), "the user PIN is unchanged");
  }

  @Test
  void refusesPinsThatAreNotPrintableAscii() {
    Response response = initPin(SoftHsm.SO_PIN, "密码123456", true);

    assertEquals(400, response.status(), response.body());
    assertEquals(200, login(currentPin()).status(), "the user PIN is unchanged");
  }

  @Test
  void answersNotFoundForATokenThatIsNotPresent() {
    Response response =
        portal.post(
            "/v1/tokens/init-pin",
            Json.createObjectBuilder()
                .add("label", "NO-SUCH-KEY")
                .add("soPin", SoftHsm.SO_PIN)
                .add("userPin", "12345678")
                .add("reinitialise", true)
                .build());

    assertEquals(404, response.status(), response.body());
    assertEquals("token_not_found", response.json().getString("error"));
  }

  @Test
  void neitherAnswersNorLogsThePins() {
    String wrongSoPin = "31415926";
    String newPin = "27182818";
    try (LogRecorder log = new LogRecorder()) {
      Response refused = initPin(wrongSoPin, newPin, true);
      Response conflict = initPin(SoftHsm.SO_PIN, newPin, false);
      Response accepted = initPin(SoftHsm.SO_PIN, newPin, true);
      currentPin = newPin;

      assertEquals(401, refused.status());
      assertEquals(409, conflict.status());
      assertEquals(204, accepted.status());
      String answers = refused.body() + conflict.body() + accepted.body();
      assertFalse(answers.contains(wrongSoPin));
      assertFalse(answers.contains(SoftHsm.SO_PIN));
      assertFalse(answers.contains(newPin));
      assertFalse(log.text().isEmpty(), "the PIN changes were logged");
      assertFalse(log.text().contains(wrongSoPin), log.text());
      assertFalse(log.text().contains(SoftHsm.SO_PIN), log.text());
      assertFalse(log.text().contains(newPin), log.text());
    }
  }

  /** The user PIN of the token now (the tests set it in any order). */
  private static String currentPin = SoftHsm.PIN;

  private static String currentPin() {
    return currentPin;
  }

  private static Response initPin(String soPin, String userPin, boolean reinitialise) {
    return portal.post(
        "/v1/tokens/init-pin",
        selector()
            .add("soPin", soPin)
            .add("userPin", userPin)
            .add("reinitialise", reinitialise)
            .build());
  }

  private static JsonObjectBuilder selector() {
    String serial = token().getString("serial");
    return Json.createObjectBuilder().add("serial", serial).add("label", SoftHsm.INIT_PIN_TOKEN);
  }

  private static JsonObject token() {
    return TokenOperationsTest.token(portal.get("/v1/status").json(), SoftHsm.INIT_PIN_TOKEN);
  }

  private static Response login(String pin) {
    return portal.post(
        "/v1/login",
        Json.createObjectBuilder().add("label", SoftHsm.INIT_PIN_TOKEN).add("pin", pin).build());
  }
}
