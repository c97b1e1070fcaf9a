package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.keyagent.AgentClient.Response;
import cn.cwca.keyagent.config.AgentConfig;
import cn.cwca.keyagent.http.AgentServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token session ends after the idle time (default five minutes) and not before. */
class SessionIdleTimeoutTest {

  private final TestClock clock = new TestClock();
  private AgentServer agent;
  private AgentClient portal;

  @BeforeEach
  void startAgent() {
    agent = TestAgent.startWithSoftHsm(SoftHsm.tokens(), clock);
    portal = new AgentClient(agent.address(), TestAgent.PORTAL);
  }

  @AfterEach
  void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void keepsTheSessionWhileItIsUsedWithinTheIdleTime() {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);

    clock.advance(AgentConfig.DEFAULT_SESSION_IDLE_TIMEOUT.minusSeconds(1));
    assertEquals(200, portal.get("/v1/certificates", session).status());
    clock.advance(AgentConfig.DEFAULT_SESSION_IDLE_TIMEOUT.minusSeconds(1));

    assertEquals(200, portal.get("/v1/certificates", session).status());
  }

  @Test
  void endsTheSessionAfterTheIdleTime() {
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);

    clock.advance(AgentConfig.DEFAULT_SESSION_IDLE_TIMEOUT.plus(Duration.ofSeconds(1)));

    Response response = portal.get("/v1/certificates", session);
    assertEquals(401, response.status());
    assertEquals("session_unknown", response.json().getString("error"));
  }
}
