package cn.cwca.keyagent.http;

import cn.cwca.keyagent.config.AllowedOrigins;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The checks every request passes before the API sees it, so that only the portal's own pages can
 * use the key: the {@code Host} must be this agent on loopback (a DNS-rebinding page names its own
 * host), the {@code Origin} must be allowed exactly (a request without one is refused too), and
 * CORS and private-network preflights are answered for allowed origins only (Fetch standard; WICG
 * Private Network Access). Refusals say nothing and are logged with the origin only.
 */
final class RequestGuard {

  static final String SESSION_HEADER = "X-Key-Agent-Session";

  private static final Logger LOG = Logger.getLogger(RequestGuard.class.getName());
  private static final byte[] FORBIDDEN =
      "{\"error\":\"forbidden\"}".getBytes(StandardCharsets.UTF_8);
  private static final String ALLOWED_HEADERS = "Content-Type, " + SESSION_HEADER;
  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers,"
          + " Access-Control-Request-Private-Network";

  private final AllowedOrigins origins;
  private final Set<String> hosts;

  RequestGuard(AllowedOrigins origins, int port) {
    this.origins = origins;
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
  }

  /**
   * Whether the request comes from an allowed page to this agent. When not, it has been answered
   * with 403.
   */
  boolean admit(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getRequestHeaders();
    List<String> host = headers.get("Host");
    if (host == null
        || host.size() != 1
        || !hosts.contains(host.get(0).strip().toLowerCase(Locale.ROOT))) {
      LOG.warning(() -> "Refused a request for host " + printable(host));
      refuse(exchange);
      return false;
    }
    List<String> origin = headers.get("Origin");
    if (origin == null || origin.size() != 1 || !origins.allows(origin.get(0))) {
      LOG.warning(() -> "Refused a request from origin " + printable(origin));
      refuse(exchange);
      return false;
    }
    return true;
  }

  /**
   * The {@code Origin} header of an admitted request, exactly as it was sent and allowed.
   *
   * @throws IllegalStateException when the request has not been admitted
   */
  String admittedOrigin(HttpExchange exchange) {
    // Read again rather than kept as an exchange attribute: the JDK server's attributes are those
    // of the context, shared by concurrent exchanges.
    List<String> origin = exchange.getRequestHeaders().get("Origin");
    if (origin == null || origin.size() != 1 || !origins.allows(origin.get(0))) {
      throw new IllegalStateException("The request has not been admitted");
    }
    return origin.get(0);
  }

  /** Answers a CORS preflight from an admitted origin for a path that takes these methods. */
  void answerPreflight(HttpExchange exchange, List<String> methods) throws IOException {
    Headers request = exchange.getRequestHeaders();
    String method = request.getFirst("Access-Control-Request-Method");
    if (method == null || !methods.contains(method)) {
      refuse(exchange);
      return;
    }
    Headers response = exchange.getResponseHeaders();
    response.set("Access-Control-Allow-Origin", request.getFirst("Origin"));
    response.set("Access-Control-Allow-Methods", String.join(", ", methods));
    response.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    response.set("Access-Control-Max-Age", "600");
    response.set("Vary", PREFLIGHT_VARY);
    if ("true".equalsIgnoreCase(request.getFirst("Access-Control-Request-Private-Network"))) {
      response.set("Access-Control-Allow-Private-Network", "true");
    }
    response.set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(204, -1);
  }

  /** The CORS headers of an actual response to an admitted origin. */
  void allowReading(HttpExchange exchange) {
    Headers response = exchange.getResponseHeaders();
    response.set("Access-Control-Allow-Origin", exchange.getRequestHeaders().getFirst("Origin"));
    response.set("Vary", "Origin");
  }

  private static void refuse(HttpExchange exchange) throws IOException {
    Headers response = exchange.getResponseHeaders();
    response.set("Content-Type", "application/json");
    response.set("Cache-Control", "no-store");
    response.set("Vary", "Origin");
    exchange.sendResponseHeaders(403, FORBIDDEN.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(FORBIDDEN);
    }
  }

  /** A header value fit for the log: no control characters, bounded length. */
  static String printable(List<String> values) {
    if (values == null || values.isEmpty()) {
      return "(none)";
    }
    String joined = String.join(" | ", values).replaceAll("\\p{Cntrl}", "?");
    return joined.length() > 200 ? joined.substring(0, 200) + "..." : joined;
  }
}
