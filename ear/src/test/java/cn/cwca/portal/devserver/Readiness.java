package cn.cwca.portal.devserver;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Reads an answer of {@code /health/ready} (MicroProfile Health's JSON). */
final class Readiness {

  private Readiness() {}

  /**
   * Whether the answer is HTTP 200, overall UP, and has the named check, UP. A domain without the
   * application answers UP with no checks of its own; that is not ready.
   */
  static boolean isUp(int status, String body, String checkName) {
    if (status != 200) {
      return false;
    }
    try {
      JsonObject answer = Json.createReader(new StringReader(body)).readObject();
      if (!"UP".equals(answer.getString("status", ""))) {
        return false;
      }
      for (JsonValue check : answer.getJsonArray("checks")) {
        JsonObject c = check.asJsonObject();
        if (checkName.equals(c.getString("name", ""))) {
          return "UP".equals(c.getString("status", ""));
        }
      }
      return false;
    } catch (JsonException | ClassCastException | NullPointerException e) {
      return false;
    }
  }
}
