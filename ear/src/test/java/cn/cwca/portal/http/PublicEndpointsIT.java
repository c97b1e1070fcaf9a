package cn.cwca.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deployed portal as an anonymous client and a load balancer see it. */
class PublicEndpointsIT {

  private static final String PORTAL =
      System.getProperty("portal.url", "http://localhost:8080/portal");
  private static final String SERVER = PORTAL.substring(0, PORTAL.lastIndexOf('/'));

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  @Test
  void readinessIsUpWithTheDatabaseTheSchemaAndTheCaChecked() throws Exception {
    HttpResponse<String> ready = get(SERVER + "/health/ready");

    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject portal =
        json(ready).getJsonArray("checks").stream()
            .map(v -> v.asJsonObject())
            .filter(c -> c.getString("name").equals("ca-portal"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ca-portal check: " + ready.body()));
    assertEquals("UP", portal.getString("status"));
    JsonObject data = portal.getJsonObject("data");
    for (String check : new String[] {"database", "schema", "ca"}) {
      assertTrue(data.getString(check).startsWith("UP"), check + ": " + ready.body());
    }
  }

  @Test
  void livenessIsUp() throws Exception {
    HttpResponse<String> live = get(SERVER + "/health/live");

    assertEquals(200, live.statusCode(), live.body());
    assertEquals("UP", json(live).getString("status"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/login.xhtml", "/downloads.xhtml", "/no-such-page.txt"})
  void showingAPublicPageCreatesNoSession(String page) throws Exception {
    HttpResponse<String> response = get(PORTAL + page);

    assertTrue(response.statusCode() == 200 || response.statusCode() == 404, page);
    Optional<String> cookie = response.headers().firstValue("Set-Cookie");
    assertTrue(cookie.isEmpty(), page + " set " + cookie.orElse(""));
  }

  @Test
  void theSiteRootShowsTheLoginPage() throws Exception {
    HttpResponse<String> root = get(PORTAL + "/");

    assertEquals(200, root.statusCode());
    assertTrue(root.body().contains("id=\"loginForm\""), root.body());
  }

  @Test
  void responsesDoNotNameTheServerOrItsVersion() throws Exception {
    HttpResponse<String> login = get(PORTAL + "/login.xhtml");

    assertTrue(login.headers().firstValue("X-Powered-By").isEmpty(), login.headers().toString());
    assertTrue(
        login.headers().firstValue("Server").map(v -> !v.contains("Payara")).orElse(true),
        login.headers().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login.xhtml", "/register.xhtml", "/forgot-password.xhtml"})
  void publicPagesAcceptNoFileUpload(String page) throws Exception {
    String boundary = "----portal-test";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(PORTAL + page))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(415, response.statusCode(), page);
  }
}
