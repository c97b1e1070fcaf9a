package cn.cwca.portal.web;

import cn.cwca.portal.web.downloads.DownloadsServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The portal's public origin and base URL, as the outside world reaches it: the configured origin
 * (system property {@value DownloadsServlet#PUBLIC_ORIGIN}, needed behind a reverse proxy or a TLS
 * terminator) or the request's own. The key agent's download names it as the one origin whose pages
 * the agent answers; payment providers send their notifications under it.
 */
public final class PublicOrigin {

  private PublicOrigin() {}

  /**
   * Whether the configured public origin is https: then browsers reach the portal over TLS only,
   * even when TLS ends at a proxy in front of Payara and Payara itself sees plain http.
   */
  public static boolean isConfiguredHttps() {
    String configured = System.getProperty(DownloadsServlet.PUBLIC_ORIGIN);
    try {
      return configured != null
          && !configured.isBlank()
          && normalise(configured).startsWith("https://");
    } catch (IllegalArgumentException misconfigured) {
      return false;
    }
  }

  /** {@code scheme://host[:port]}, as a browser on the portal's pages sends it. */
  public static String of(HttpServletRequest request) {
    return origin(
        System.getProperty(DownloadsServlet.PUBLIC_ORIGIN),
        request.getScheme(),
        request.getServerName(),
        request.getServerPort());
  }

  /** {@code scheme://host[:port]/context/}, ending in a slash. */
  public static String baseUrl(HttpServletRequest request) {
    return of(request) + request.getContextPath() + "/";
  }

  /**
   * The portal's origin as a browser sends it: the configured one (system property {@value
   * DownloadsServlet#PUBLIC_ORIGIN}) when set, else the request's scheme, host and port.
   *
   * @throws IllegalArgumentException when the configured value is not scheme://host[:port]
   */
  public static String origin(String configured, String scheme, String host, int port) {
    if (configured != null && !configured.isBlank()) {
      return normalise(configured);
    }
    String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return normalise(scheme + "://" + bracketed + ":" + port);
  }

  /**
   * An http(s) origin as browsers serialise it: lower-case scheme and host, no default port, no
   * path (a trailing slash is forgiven). The key agent compares its allowed origins in the same
   * form ({@code cn.cwca.keyagent.config.AllowedOrigins#normalise}, a copy, as the agent depends on
   * no module of the portal; {@code OriginNormalisationParityTest} keeps the two in step).
   */
  public static String normalise(String origin) {
    String value = origin.strip();
    if (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not an origin: " + origin, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("Not an http(s) origin: " + origin);
    }
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "An origin is scheme://host[:port], e.g. https://ca.example.cn: " + origin);
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}
