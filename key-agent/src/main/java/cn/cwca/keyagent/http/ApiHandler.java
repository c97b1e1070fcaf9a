package cn.cwca.keyagent.http;

import static cn.cwca.keyagent.http.JsonBodies.JSON;
import static cn.cwca.keyagent.http.JsonBodies.badRequest;
import static cn.cwca.keyagent.http.JsonBodies.optionalBoolean;
import static cn.cwca.keyagent.http.JsonBodies.optionalString;
import static cn.cwca.keyagent.http.JsonBodies.optionalStrings;
import static cn.cwca.keyagent.http.JsonBodies.requiredString;

import cn.cwca.keyagent.AgentVersion;
import cn.cwca.keyagent.pkcs11.GeneratedKey;
import cn.cwca.keyagent.pkcs11.Installation;
import cn.cwca.keyagent.pkcs11.KeyAlgorithm;
import cn.cwca.keyagent.pkcs11.LibraryStatus;
import cn.cwca.keyagent.pkcs11.PinState;
import cn.cwca.keyagent.pkcs11.ProofOfPossession;
import cn.cwca.keyagent.pkcs11.ProofSignature;
import cn.cwca.keyagent.pkcs11.StoredCertificate;
import cn.cwca.keyagent.pkcs11.Token;
import cn.cwca.keyagent.pkcs11.TokenException;
import cn.cwca.keyagent.pkcs11.TokenSelector;
import cn.cwca.keyagent.pkcs11.TokenService;
import cn.cwca.keyagent.pkcs11.TokenSession;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JSON API under {@code /v1/}: status, login, certificates, keys, proof of possession, logout,
 * and the user PIN of a new key. Every request first passes the {@link RequestGuard}; a logged-in
 * session is named by the {@value RequestGuard#SESSION_HEADER} header.
 */
final class ApiHandler implements HttpHandler {

  private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

  /** The methods of each path; the order is the one preflights announce. */
  private static final Map<String, List<String>> ROUTES =
      Map.of(
          "/v1/status", List.of("GET"),
          "/v1/login", List.of("POST"),
          "/v1/logout", List.of("POST"),
          "/v1/certificates", List.of("GET", "POST"),
          "/v1/keys", List.of("POST"),
          "/v1/sign", List.of("POST"),
          "/v1/tokens/init-pin", List.of("POST"));

  /** Parses and checks certificates and chains, SM2 ones included (the JDK cannot verify SM2). */
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final RequestGuard guard;
  private final JsonBodies bodies;
  private final TokenService tokens;
  private final AgentVersion version;

  ApiHandler(RequestGuard guard, JsonBodies bodies, TokenService tokens, AgentVersion version) {
    this.guard = guard;
    this.bodies = bodies;
    this.tokens = tokens;
    this.version = version;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!guard.admit(exchange)) {
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      List<String> methods = ROUTES.get(path);
      if (method.equals("OPTIONS") && methods != null) {
        guard.answerPreflight(exchange, methods);
        return;
      }
      guard.allowReading(exchange);
      if (methods == null) {
        error(exchange, 404, "not_found", "No such endpoint");
      } else if (!methods.contains(method)) {
        exchange.getResponseHeaders().set("Allow", String.join(", ", methods));
        error(exchange, 405, "method_not_allowed", "Use " + String.join(" or ", methods));
      } else {
        answer(exchange, method + " " + path);
      }
    }
  }

  private void answer(HttpExchange exchange, String route) throws IOException {
    try {
      switch (route) {
        case "GET /v1/status" -> JsonBodies.write(exchange, 200, status());
        case "POST /v1/login" -> JsonBodies.write(exchange, 200, login(bodies.read(exchange)));
        case "POST /v1/logout" -> {
          bodies.read(exchange);
          tokens.logout(sessionId(exchange));
          JsonBodies.write(exchange, 204, null);
        }
        case "GET /v1/certificates" -> JsonBodies.write(exchange, 200, certificates(exchange));
        case "POST /v1/certificates" -> install(exchange, bodies.read(exchange));
        case "POST /v1/keys" ->
            JsonBodies.write(exchange, 201, generateKey(exchange, bodies.read(exchange)));
        case "POST /v1/tokens/init-pin" -> {
          initUserPin(bodies.read(exchange));
          JsonBodies.write(exchange, 204, null);
        }
        case "POST /v1/sign" ->
            JsonBodies.write(exchange, 200, sign(exchange, bodies.read(exchange)));
        default -> throw new IllegalStateException("No handler for " + route);
      }
    } catch (ApiException e) {
      error(exchange, e.status(), e.code(), e.getMessage());
    } catch (TokenException e) {
      tokenError(exchange, e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Request " + route + " failed", e);
      error(exchange, 500, "internal_error", "The agent failed; see its log");
    }
  }

  private JsonObject status() {
    JsonArrayBuilder libraries = JSON.createArrayBuilder();
    for (LibraryStatus library : tokens.libraries()) {
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("product", library.library().product())
              .add("path", library.library().path().toString())
              .add("loaded", library.loaded());
      library.problem().ifPresent(problem -> item.add("problem", problem));
      libraries.add(item);
    }
    JsonArrayBuilder tokenList = JSON.createArrayBuilder();
    for (Token token : tokens.tokens()) {
      JsonArrayBuilder algorithms = JSON.createArrayBuilder();
      tokens.algorithms(token).forEach(algorithm -> algorithms.add(algorithm.apiName()));
      tokenList.add(
          tokenJson(token)
              .add("library", token.library().path().toString())
              .add("loginRequired", token.loginRequired())
              .add("userPinInitialised", token.userPinInitialised())
              .add("pin", pinJson(token.pinState()))
              .add("keyAlgorithms", algorithms));
    }
    return JSON.createObjectBuilder()
        .add("product", "CA Key Agent")
        .add("agentVersion", version.agentVersion())
        .add("apiVersion", version.apiVersion())
        .add("minPortalVersion", version.minPortalVersion())
        .add("sessionIdleSeconds", tokens.idleTimeout().toSeconds())
        .add("libraries", libraries)
        .add("tokens", tokenList)
        .build();
  }

  private JsonObject login(JsonObject body) {
    TokenSelector selector =
        new TokenSelector(optionalString(body, "serial"), optionalString(body, "label"));
    TokenSession session = tokens.login(selector, requiredString(body, "pin").toCharArray());
    return JSON.createObjectBuilder()
        .add("session", session.id())
        .add("idleSeconds", tokens.idleTimeout().toSeconds())
        .add("token", tokenJson(session.token()))
        .build();
  }

  /**
   * 制证 at the office: the security officer's PIN sets the user PIN of a new key (or, with {@code
   * reinitialise}, of a key being reused). Neither PIN is answered or logged.
   */
  private void initUserPin(JsonObject body) {
    TokenSelector selector =
        new TokenSelector(optionalString(body, "serial"), optionalString(body, "label"));
    String soPin = pin(body, "soPin");
    String userPin = pin(body, "userPin");
    boolean reinitialise = optionalBoolean(body, "reinitialise");
    tokens.initUserPin(selector, soPin.toCharArray(), userPin.toCharArray(), reinitialise);
  }

  /** A PIN field: printable ASCII, which every token takes as it is typed. */
  private static String pin(JsonObject body, String name) {
    String pin = requiredString(body, name);
    if (!pin.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw badRequest("Field \"" + name + "\" must be printable ASCII characters");
    }
    return pin;
  }

  private JsonObject certificates(HttpExchange exchange) {
    TokenSession session = tokens.session(sessionId(exchange));
    JsonArrayBuilder certificates = JSON.createArrayBuilder();
    for (StoredCertificate certificate : session.certificates()) {
      certificates.add(certificateJson(certificate));
    }
    return JSON.createObjectBuilder()
        .add("token", tokenJson(session.token()))
        .add("certificates", certificates)
        .build();
  }

  private JsonObject generateKey(HttpExchange exchange, JsonObject body) {
    String sessionId = sessionId(exchange);
    KeyAlgorithm algorithm = KeyAlgorithm.ofApiName(requiredString(body, "algorithm"));
    X500Name subject = subject(optionalString(body, "subject").orElse("CN=CA Key Agent"));
    GeneratedKey key = tokens.generateKey(sessionId, algorithm, subject);
    return JSON.createObjectBuilder()
        .add("keyId", key.keyId())
        .add("algorithm", key.algorithm().apiName())
        .add("csr", Base64.getEncoder().encodeToString(key.certificationRequest()))
        .build();
  }

  /** Answers 201 with the certificate stored now, 200 when the token already held it. */
  private void install(HttpExchange exchange, JsonObject body) throws IOException {
    String sessionId = sessionId(exchange);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate(requiredString(body, "certificate")));
    for (String issuer : optionalStrings(body, "chain")) {
      chain.add(certificate(issuer));
    }
    checkLinks(chain);
    Optional<String> alias = optionalString(body, "alias");
    if (alias.isPresent() && alias.get().startsWith(TokenSession.PENDING_PREFIX)) {
      throw badRequest(
          "Aliases starting with " + TokenSession.PENDING_PREFIX + " are the agent's own");
    }
    Installation installation =
        tokens.installCertificate(
            sessionId, optionalString(body, "keyId").filter(id -> !id.isEmpty()), chain, alias);
    JsonBodies.write(
        exchange,
        installation.created() ? 201 : 200,
        certificateJson(installation.certificate()).build());
  }

  /**
   * Proof of possession: signs the {@link ProofOfPossession} text made of the request's origin and
   * the server's nonce, never bytes the page chooses.
   */
  private JsonObject sign(HttpExchange exchange, JsonObject body) {
    if (body.containsKey("challenge")) {
      throw new ApiException(
          400,
          "raw_challenge_refused",
          "The agent signs no bytes a page chooses: send {serialNumber, nonce} (API v"
              + AgentVersion.API_VERSION
              + ")");
    }
    TokenSession session = tokens.session(sessionId(exchange));
    BigInteger serial;
    try {
      serial = new BigInteger(requiredString(body, "serialNumber"), 16);
    } catch (NumberFormatException e) {
      throw badRequest("Field \"serialNumber\" is the certificate's serial number in hex");
    }
    String nonce = requiredString(body, "nonce");
    try {
      ProofOfPossession.checkNonce(nonce);
    } catch (IllegalArgumentException e) {
      throw badRequest("Field \"nonce\": " + e.getMessage());
    }
    ProofSignature proof = session.prove(serial, guard.admittedOrigin(exchange), nonce);
    return JSON.createObjectBuilder()
        .add("algorithm", proof.algorithm())
        .add("signature", Base64.getEncoder().encodeToString(proof.signature()))
        .add("serialNumber", hex(proof.certificate().getSerialNumber()))
        .add("signedText", proof.signedText())
        .build();
  }

  private static String sessionId(HttpExchange exchange) {
    return exchange.getRequestHeaders().getFirst(RequestGuard.SESSION_HEADER);
  }

  private static X500Name subject(String hint) {
    try {
      return new X500Name(BCStyle.INSTANCE, hint);
    } catch (IllegalArgumentException e) {
      throw badRequest("Field \"subject\" is a distinguished name such as CN=张三,O=单位");
    }
  }

  private static X509Certificate certificate(String base64) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509", BC)
              .generateCertificate(new ByteArrayInputStream(base64(base64, "certificate")));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw badRequest("Not an X.509 certificate in base64 DER");
    }
  }

  /** Each certificate of the chain must be signed by the next one. */
  private static void checkLinks(List<X509Certificate> chain) {
    for (int i = 0; i + 1 < chain.size(); i++) {
      try {
        chain.get(i).verify(chain.get(i + 1).getPublicKey(), BC);
      } catch (GeneralSecurityException e) {
        throw badRequest("Certificate " + i + " of the chain is not signed by the next one");
      }
    }
  }

  private static byte[] base64(String value, String field) {
    try {
      return Base64.getMimeDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw badRequest("Field \"" + field + "\" must be base64");
    }
  }

  private static JsonObjectBuilder tokenJson(Token token) {
    return JSON.createObjectBuilder()
        .add("serial", token.serial())
        .add("label", token.label())
        .add("manufacturer", token.manufacturer())
        .add("model", token.model());
  }

  private static JsonObjectBuilder pinJson(PinState pin) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("countLow", pin.countLow())
            .add("finalTry", pin.finalTry())
            .add("locked", pin.locked());
    pin.triesLeft().ifPresent(tries -> json.add("triesLeft", tries));
    return json;
  }

  private static JsonObjectBuilder certificateJson(StoredCertificate stored) {
    X509Certificate certificate = stored.certificate();
    try {
      return JSON.createObjectBuilder()
          .add("alias", stored.alias())
          .add("subject", certificate.getSubjectX500Principal().getName(X500Principal.RFC2253))
          .add("issuer", certificate.getIssuerX500Principal().getName(X500Principal.RFC2253))
          .add("serialNumber", hex(certificate.getSerialNumber()))
          .add("notBefore", certificate.getNotBefore().toInstant().toString())
          .add("notAfter", certificate.getNotAfter().toInstant().toString())
          .add("keyAlgorithm", KeyAlgorithm.describe(certificate.getPublicKey().getEncoded()))
          .add("signatureAlgorithm", certificate.getSigAlgName())
          .add("hasPrivateKey", stored.hasPrivateKey())
          .add("certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("A stored certificate cannot be encoded", e);
    }
  }

  private static String hex(BigInteger serial) {
    return serial.toString(16).toUpperCase(Locale.ROOT);
  }

  private static void tokenError(HttpExchange exchange, TokenException e) throws IOException {
    int status =
        switch (e.reason()) {
          case BAD_REQUEST -> 400;
          case PIN_INCORRECT, PIN_LOCKED, SO_PIN_INCORRECT, SO_PIN_LOCKED, SESSION_UNKNOWN -> 401;
          case TOKEN_NOT_FOUND, CERTIFICATE_NOT_FOUND -> 404;
          case ALIAS_IN_USE, PIN_ALREADY_INITIALISED -> 409;
          case ALGORITHM_UNSUPPORTED, KEY_NOT_FOUND, CERTIFICATE_MISMATCH, USER_PIN_INVALID -> 422;
          case TOKEN_FAILURE -> 500;
        };
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("error", e.reason().name().toLowerCase(Locale.ROOT))
            .add("message", e.getMessage());
    e.pinState()
        .ifPresent(
            pin -> {
              body.add("pin", pinJson(pin));
              pin.triesLeft().ifPresent(tries -> body.add("triesLeft", tries));
            });
    JsonBodies.write(exchange, status, body.build());
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    JsonBodies.write(
        exchange,
        status,
        JSON.createObjectBuilder().add("error", code).add("message", message).build());
  }
}
