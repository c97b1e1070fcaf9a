package cn.cwca.keyagent.http;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Request and response bodies in JSON (Jakarta JSON Processing, with Parsson). */
final class JsonBodies {

  static final JsonProvider JSON = JsonProvider.provider();

  /** How much of a refused body is read and thrown away so that the answer reaches the client. */
  private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

  private final int maxRequestBytes;

  JsonBodies(int maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  /**
   * The request's JSON object; an empty body reads as {}. The raw bytes are wiped after parsing
   * (they may hold a PIN).
   *
   * @throws ApiException 415 without a JSON content type, 413 above the size limit, 400 when not a
   *     JSON object
   */
  JsonObject read(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new ApiException(415, "unsupported_media_type", "Send application/json");
    }
    String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      if (declaredLength != null && tooLong(declaredLength)) {
        throw tooLarge(exchange, in);
      }
      body = in.readNBytes(maxRequestBytes + 1);
      if (body.length > maxRequestBytes) {
        Arrays.fill(body, (byte) 0);
        throw tooLarge(exchange, in);
      }
    }
    try {
      if (body.length == 0) {
        return JsonValue.EMPTY_JSON_OBJECT;
      }
      try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
        return reader.readObject();
      } catch (JsonException | ClassCastException e) {
        throw badRequest("The body is not a JSON object");
      }
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  private boolean tooLong(String declaredLength) {
    try {
      return Long.parseLong(declaredLength.strip()) > maxRequestBytes;
    } catch (NumberFormatException e) {
      throw badRequest("Bad Content-Length");
    }
  }

  /**
   * The 413 answer, after reading what is left of the body (up to {@link #DRAIN_LIMIT} bytes) and
   * asking for the connection to be closed: a socket closed with unread bytes is reset, and the
   * reset can destroy the answer before the browser has read it.
   */
  private ApiException tooLarge(HttpExchange exchange, InputStream body) throws IOException {
    exchange.getResponseHeaders().set("Connection", "close");
    long left = DRAIN_LIMIT;
    byte[] discard = new byte[8192];
    int read;
    while (left > 0 && (read = body.read(discard, 0, (int) Math.min(discard.length, left))) > 0) {
      left -= read;
    }
    return new ApiException(
        413, "payload_too_large", "The body is larger than " + maxRequestBytes + " bytes");
  }

  static void write(HttpExchange exchange, int status, JsonObject body) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String requiredString(JsonObject body, String name) {
    return optionalString(body, name)
        .filter(value -> !value.isEmpty())
        .orElseThrow(() -> badRequest("Field \"" + name + "\" (text) is required"));
  }

  static Optional<String> optionalString(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonString text) {
      return Optional.of(text.getString());
    }
    throw badRequest("Field \"" + name + "\" must be text");
  }

  /** A true/false field; absent or null is false. */
  static boolean optionalBoolean(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    throw badRequest("Field \"" + name + "\" must be true or false");
  }

  static List<String> optionalStrings(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw badRequest("Field \"" + name + "\" must be a list of text");
    }
    List<String> strings = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString text)) {
        throw badRequest("Field \"" + name + "\" must be a list of text");
      }
      strings.add(text.getString());
    }
    return strings;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }
}
