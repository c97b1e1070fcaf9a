package cn.cwca.keyagent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A page of {@code origin} talking to the agent, as the browser would (java.net.http). */
final class AgentClient {

  static final String SESSION_HEADER = "X-Key-Agent-Session";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;
  private final String origin;

  AgentClient(URI base, String origin) {
    this.base = base;
    this.origin = origin;
  }

  URI base() {
    return base;
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response get(String path, String session) {
    return send(request(path).header(SESSION_HEADER, session).GET());
  }

  Response post(String path, JsonObject body) {
    return send(json(request(path), body));
  }

  Response post(String path, String session, JsonObject body) {
    return send(json(request(path).header(SESSION_HEADER, session), body));
  }

  /** Logs in to the token with the PIN and returns the session id. */
  String login(String label, String pin) {
    Response response =
        post("/v1/login", Json.createObjectBuilder().add("label", label).add("pin", pin).build());
    if (response.status() != 200) {
      throw new AssertionError("Login failed: " + response);
    }
    return response.json().getString("session");
  }

  /** A request from the page's origin, to be completed by the caller. */
  HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return builder;
  }

  static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder json(HttpRequest.Builder request, JsonObject body) {
    return request
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  /** An answer of the agent. */
  record Response(int status, HttpHeaders headers, String body) {

    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
