package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.keyagent.AgentClient.Response;
import cn.cwca.keyagent.http.AgentServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the portal's pages get answers: exact Origin, Host of the agent itself (DNS rebinding), CORS
 * and private-network preflights, JSON bodies of bounded size.
 */
class RequestGuardTest {

  private static final String FOREIGN = "https://evil.example";

  private static AgentServer agent;
  private static AgentClient portal;

  @BeforeAll
  static void startAgent() {
    agent = TestAgent.start(List.of(), Clock.systemUTC(), TestAgent.PORTAL);
    portal = new AgentClient(agent.address(), TestAgent.PORTAL);
  }

  @AfterAll
  static void stopAgent() {
    agent.close();
  }

  @Test
  void answersTheAllowedOriginWithExactlyThatOrigin() {
    Response response = portal.get("/v1/status");

    assertEquals(200, response.status());
    assertEquals(TestAgent.PORTAL, response.header("Access-Control-Allow-Origin"));
    assertEquals("Origin", response.header("Vary"));
    assertTrue(response.json().containsKey("agentVersion"));
  }

  @Test
  void refusesAForeignOriginWithoutAnyData() {
    Response response = new AgentClient(agent.address(), FOREIGN).get("/v1/status");

    assertRefused(response);
  }

  @Test
  void refusesAnOriginThatOnlyResemblesTheAllowedOne() {
    for (String lookalike :
        List.of(
            TestAgent.PORTAL + ":443",
            TestAgent.PORTAL + "/",
            "http://portal.example.cn",
            "https://portal.example.cn.evil.example",
            "null")) {
      assertRefused(new AgentClient(agent.address(), lookalike).get("/v1/status"));
    }
  }

  @Test
  void refusesARequestWithoutOrigin() {
    Response response = new AgentClient(agent.address(), null).get("/v1/status");

    assertRefused(response);
  }

  @Test
  void logsTheRefusedOrigin() {
    try (LogRecorder log = new LogRecorder()) {
      new AgentClient(agent.address(), FOREIGN).get("/v1/status");

      assertTrue(log.text().contains("Refused a request from origin " + FOREIGN), log.text());
    }
  }

  @Test
  void answersAPreflightFromTheAllowedOriginIncludingPrivateNetworkAccess() {
    Response response =
        AgentClient.send(
            portal
                .request("/v1/login")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .header("Access-Control-Request-Private-Network", "true"));

    assertEquals(204, response.status());
    assertEquals(TestAgent.PORTAL, response.header("Access-Control-Allow-Origin"));
    assertEquals("POST", response.header("Access-Control-Allow-Methods"));
    assertEquals(
        "Content-Type, X-Key-Agent-Session", response.header("Access-Control-Allow-Headers"));
    assertEquals("true", response.header("Access-Control-Allow-Private-Network"));
    assertTrue(response.header("Vary").startsWith("Origin"));
    assertNull(response.header("Access-Control-Allow-Credentials"));
  }

  @Test
  void grantsPrivateNetworkAccessOnlyWhenAsked() {
    Response response =
        AgentClient.send(
            portal
                .request("/v1/certificates")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "GET"));

    assertEquals(204, response.status());
    assertEquals("GET, POST", response.header("Access-Control-Allow-Methods"));
    assertNull(response.header("Access-Control-Allow-Private-Network"));
  }

  @Test
  void refusesAPreflightFromAForeignOrigin() {
    Response response =
        AgentClient.send(
            new AgentClient(agent.address(), FOREIGN)
                .request("/v1/login")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Private-Network", "true"));

    assertRefused(response);
    assertNull(response.header("Access-Control-Allow-Private-Network"));
  }

  @Test
  void refusesAPreflightForAMethodThePathDoesNotTake() {
    Response response =
        AgentClient.send(
            portal
                .request("/v1/login")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "DELETE"));

    assertRefused(response);
  }

  @Test
  void refusesARequestForAnotherHostAsADnsRebindingPageWouldSend() {
    Response response =
        AgentClient.send(
            portal.request("/v1/status").header("Host", "rebind.evil.example:" + agent.port()));

    assertRefused(response);
  }

  @Test
  void acceptsLocalhostAsHost() {
    Response response =
        AgentClient.send(portal.request("/v1/status").header("Host", "localhost:" + agent.port()));

    assertEquals(200, response.status());
  }

  @Test
  void refusesAPostWithoutJsonContentType() {
    Response response =
        AgentClient.send(
            portal
                .request("/v1/login")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"x\",\"pin\":\"1\"}")));

    assertEquals(415, response.status());
    assertEquals("unsupported_media_type", response.json().getString("error"));
  }

  @Test
  void refusesABodyAboveTheSizeLimit() {
    // Far above the limit and the 64 KiB the JDK's server drains by itself: the 413 must still
    // arrive rather than a reset connection.
    String big = "{\"pin\":\"" + "1".repeat(1_000_000) + "\"}";

    Response response =
        AgentClient.send(
            portal
                .request("/v1/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));

    assertEquals(413, response.status());
  }

  @Test
  void refusesAChunkedBodyAboveTheSizeLimit() {
    byte[] big =
        ("{\"pin\":\"" + "1".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII);

    // No Content-Length: the size shows only while reading.
    Response response =
        AgentClient.send(
            portal
                .request("/v1/login")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

    assertEquals(413, response.status());
  }

  @Test
  void refusesABodyThatIsNotAJsonObject() {
    Response response =
        AgentClient.send(
            portal
                .request("/v1/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1, 2")));

    assertEquals(400, response.status());
    assertEquals("bad_request", response.json().getString("error"));
  }

  @Test
  void answersMethodNotAllowedWithTheAllowedMethods() {
    Response response = AgentClient.send(portal.request("/v1/login").GET());

    assertEquals(405, response.status());
    assertEquals("POST", response.header("Allow"));
  }

  private static void assertRefused(Response response) {
    assertEquals(403, response.status());
    assertEquals("{\"error\":\"forbidden\"}", response.body());
    assertNull(response.header("Access-Control-Allow-Origin"));
    assertFalse(response.body().contains("agentVersion"));
  }
}
