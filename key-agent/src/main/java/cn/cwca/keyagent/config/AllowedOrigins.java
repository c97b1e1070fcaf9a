package cn.cwca.keyagent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exact origins whose pages may use the agent. A request's {@code Origin} header is compared
 * with them character for character; configured values are first brought into the form browsers
 * send (RFC 6454: lower-case scheme and host, no default port, no path).
 */
public final class AllowedOrigins {

  private final Set<String> origins;

  private AllowedOrigins(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /**
   * Normalises each configured origin.
   *
   * @throws ConfigException when one is not an http(s) origin (a wildcard, {@code null}, a path)
   */
  public static AllowedOrigins of(Collection<String> configured) {
    Set<String> normalised = new TreeSet<>();
    for (String origin : configured) {
      normalised.add(normalise(origin));
    }
    return new AllowedOrigins(normalised);
  }

  /**
   * The origin as a browser serialises it, e.g. {@code https://ca.example.cn:8443}.
   *
   * <p>The portal normalises the origin it writes into the downloaded agent.properties the same way
   * ({@code cn.cwca.portal.web.PublicOrigin#normalise}). The agent is a program of its own that
   * depends on no module of the portal, so each keeps its copy; the portal's tests check that both
   * give the same answers ({@code OriginNormalisationParityTest}).
   */
  public static String normalise(String configured) {
    String value = configured == null ? "" : configured.strip();
    if (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new ConfigException("Not an origin: " + configured);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException("An allowed origin must be http:// or https://: " + configured);
    }
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new ConfigException(
          "An allowed origin is scheme://host[:port] without path, e.g. https://ca.example.cn: "
              + configured);
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  /** Whether the {@code Origin} header (possibly absent) names an allowed origin exactly. */
  public boolean allows(String originHeader) {
    return originHeader != null && origins.contains(originHeader);
  }

  public boolean isEmpty() {
    return origins.isEmpty();
  }

  public Set<String> values() {
    return origins;
  }

  @Override
  public String toString() {
    return String.join(", ", origins);
  }
}
