package cn.cwca.keyagent;

import cn.cwca.keyagent.config.AgentConfig;
import cn.cwca.keyagent.config.AllowedOrigins;
import cn.cwca.keyagent.http.AgentServer;
import cn.cwca.keyagent.pkcs11.TokenDirectory;
import cn.cwca.keyagent.pkcs11.TokenService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Starts the agent in this JVM on a free loopback port, as its main method would. */
final class TestAgent {

  /** The portal origin the tests' agents allow. */
  static final String PORTAL = "https://portal.example.cn";

  private TestAgent() {}

  static AgentServer start(List<Path> libraries, Clock clock, String... allowedOrigins) {
    AgentConfig config =
        new AgentConfig(
            List.of(0),
            AllowedOrigins.of(List.of(allowedOrigins)),
            libraries,
            false,
            AgentConfig.DEFAULT_SESSION_IDLE_TIMEOUT,
            AgentConfig.DEFAULT_MAX_REQUEST_BYTES);
    try {
      return AgentServer.start(
          config,
          new TokenService(TokenDirectory.configuredBy(config), clock, config.sessionIdleTimeout()),
          AgentVersion.current());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AgentServer startWithSoftHsm(SoftHsm softHsm, Clock clock) {
    return start(List.of(softHsm.library()), clock, PORTAL);
  }
}
