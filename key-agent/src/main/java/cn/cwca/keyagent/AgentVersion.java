package cn.cwca.keyagent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions the agent reports in {@code GET /v1/status}, from which the portal decides whether
 * the installed agent is too old.
 *
 * @param agentVersion this build's version (the Maven project version)
 * @param apiVersion the version of the {@code /v1/} API; raised only for incompatible changes (2:
 *     {@code POST /v1/sign} signs only the proof-of-possession text, no raw challenge)
 * @param minPortalVersion the oldest portal whose client this agent still serves
 */
public record AgentVersion(String agentVersion, int apiVersion, String minPortalVersion) {

  public static final int API_VERSION = 2;

  /**
   * The portal 1.0.0 ships the client of API version 2; none with the version 1 client was
   * released.
   */
  public static final String MIN_PORTAL_VERSION = "1.0.0";

  /** The version of this build. */
  public static AgentVersion current() {
    Properties properties = new Properties();
    try (InputStream in = AgentVersion.class.getResourceAsStream("agent-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AgentVersion(
        properties.getProperty("version", "0.0.0"), API_VERSION, MIN_PORTAL_VERSION);
  }
}
