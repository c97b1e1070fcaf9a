package cn.cwca.keyagent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the agent runs with.
 *
 * @param ports the loopback ports to try in order (the first free one is used)
 * @param allowedOrigins the portal origins whose pages get answers
 * @param namedLibraries PKCS#11 libraries the user named; probed before the known ones
 * @param probeKnownLibraries whether the known vendor libraries of this OS are probed too
 * @param sessionIdleTimeout a token session ends after this long without a request
 * @param maxRequestBytes the largest request body accepted
 */
public record AgentConfig(
    List<Integer> ports,
    AllowedOrigins allowedOrigins,
    List<Path> namedLibraries,
    boolean probeKnownLibraries,
    Duration sessionIdleTimeout,
    int maxRequestBytes) {

  /** The documented port and its fallbacks; the portal's client probes the same list. */
  public static final List<Integer> DEFAULT_PORTS = List.of(17643, 17644, 17645);

  public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

  public AgentConfig {
    ports = List.copyOf(ports);
    namedLibraries = List.copyOf(namedLibraries);
    if (ports.isEmpty()) {
      throw new ConfigException("At least one port is needed");
    }
    for (int port : ports) {
      if (port < 0 || port > 65535) {
        throw new ConfigException("Not a port: " + port);
      }
    }
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
      throw new ConfigException("The session idle timeout must be positive");
    }
    if (maxRequestBytes < 1024) {
      throw new ConfigException("The request size limit must be at least 1024 bytes");
    }
  }
}
