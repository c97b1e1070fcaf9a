package cn.cwca.keyagent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.keyagent.AgentVersion;
import cn.cwca.keyagent.config.AgentConfig;
import cn.cwca.keyagent.config.AllowedOrigins;
import cn.cwca.keyagent.pkcs11.TokenDirectory;
import cn.cwca.keyagent.pkcs11.TokenService;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentServerTest {

  @Test
  void takesTheNextPortOfTheListWhenOneIsInUse() throws IOException {
    try (ServerSocket taken = loopbackSocket();
        AgentServer agent = start(List.of(taken.getLocalPort(), 0))) {
      assertNotEquals(taken.getLocalPort(), agent.port());
      assertEquals("127.0.0.1", agent.address().getHost());
    }
  }

  @Test
  void failsClearlyWhenNoPortOfTheListIsFree() throws IOException {
    try (ServerSocket taken = loopbackSocket()) {
      BindException failure =
          assertThrows(BindException.class, () -> start(List.of(taken.getLocalPort())));
      assertEquals(
          "None of the ports ["
              + taken.getLocalPort()
              + "] is free on 127.0.0.1; is the agent"
              + " running?",
          failure.getMessage());
    }
  }

  private static ServerSocket loopbackSocket() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    return socket;
  }

  private static AgentServer start(List<Integer> ports) throws IOException {
    AgentConfig config =
        new AgentConfig(
            ports,
            AllowedOrigins.of(List.of("https://portal.example.cn")),
            List.of(),
            false,
            AgentConfig.DEFAULT_SESSION_IDLE_TIMEOUT,
            AgentConfig.DEFAULT_MAX_REQUEST_BYTES);
    return AgentServer.start(
        config,
        new TokenService(
            new TokenDirectory(List.of()), Clock.systemUTC(), config.sessionIdleTimeout()),
        AgentVersion.current());
  }
}
