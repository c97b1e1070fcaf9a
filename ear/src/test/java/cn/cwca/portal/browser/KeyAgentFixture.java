package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.fail;

import cn.cwca.keyagent.AgentVersion;
import cn.cwca.keyagent.config.AgentConfig;
import cn.cwca.keyagent.config.AllowedOrigins;
import cn.cwca.keyagent.http.AgentServer;
import cn.cwca.keyagent.pkcs11.GeneratedKey;
import cn.cwca.keyagent.pkcs11.KeyAlgorithm;
import cn.cwca.keyagent.pkcs11.TokenDirectory;
import cn.cwca.keyagent.pkcs11.TokenSelector;
import cn.cwca.keyagent.pkcs11.TokenService;
import cn.cwca.keyagent.pkcs11.TokenSession;
import cn.cwca.portal.it.LegacyCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The KEY控件 (key agent) in this JVM, as a user runs it: on 127.0.0.1 at its default ports (17643,
 * 17644, 17645, the ones the portal's pages probe), allowing the portal's origin, with a SoftHSM2
 * token holding a certificate. Built from key-agent's main classes and its test fixtures (the
 * test-jar): {@code SoftHsm} makes the tokens under {@code SOFTHSM2_CONF}, {@code TestCa} issues
 * the certificate for a key generated on the token.
 *
 * <p>The JVM needs what key-agent's own tests get from their build: the environment variable {@code
 * SOFTHSM2_CONF} pointing into a directory of its own (SoftHSM2 reads it when the library loads)
 * and {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (the agent
 * reads the tokens through the JDK's PKCS#11 wrapper). Tests are skipped when SoftHSM2 is not
 * installed, as key-agent's are.
 */
final class KeyAgentFixture implements AutoCloseable {

  /** The SoftHSM2 fixture's token for browser tests, and its PIN ({@code SoftHsm} constants). */
  static final String TOKEN = (String) fixtureConstant("SoftHsm", "BROWSER_TOKEN");

  static final String PIN = (String) fixtureConstant("SoftHsm", "PIN");

  /** A token whose user PIN the office sets anew ({@code SoftHsm} constants), and its SO PIN. */
  static final String INIT_PIN_TOKEN =
      (String) fixtureConstant("SoftHsm", "BROWSER_INIT_PIN_TOKEN");

  static final String SO_PIN = (String) fixtureConstant("SoftHsm", "SO_PIN");

  private final AgentServer server;

  private KeyAgentFixture(AgentServer server) {
    this.server = server;
  }

  /**
   * Starts the agent for pages of {@code origin} after putting a certificate for {@code subject} on
   * {@link #TOKEN} (a new EC P-256 key, issued by a test CA for a year).
   */
  static KeyAgentFixture startWithCertificate(String origin, String subject) {
    return startWithCertificate(origin, subject, null);
  }

  /**
   * Like {@link #startWithCertificate(String, String)}, with a certificate valid for {@code
   * validity} from now, issued by a throw-away CA of the test (e.g. one inside the renewal window).
   */
  static KeyAgentFixture startWithCertificate(String origin, String subject, Duration validity) {
    return start(origin, tokens -> putCertificate(tokens, subject, validity));
  }

  /** Starts the agent for pages of {@code origin} with the fixture's tokens as they are. */
  static KeyAgentFixture start(String origin) {
    return start(origin, tokens -> {});
  }

  private static KeyAgentFixture start(
      String origin, java.util.function.Consumer<TokenService> prepare) {
    requirePkcs11WrapperExport();
    Path library = softHsmLibrary();
    assertDefaultPortsFree();
    AgentConfig config =
        new AgentConfig(
            AgentConfig.DEFAULT_PORTS,
            AllowedOrigins.of(List.of(origin)),
            List.of(library),
            false,
            AgentConfig.DEFAULT_SESSION_IDLE_TIMEOUT,
            AgentConfig.DEFAULT_MAX_REQUEST_BYTES);
    TokenService tokens =
        new TokenService(
            TokenDirectory.configuredBy(config), Clock.systemUTC(), config.sessionIdleTimeout());
    prepare.accept(tokens);
    try {
      return new KeyAgentFixture(AgentServer.start(config, tokens, AgentVersion.current()));
    } catch (IOException e) {
      tokens.close();
      throw new UncheckedIOException(e);
    }
  }

  /** Where the agent answers, e.g. http://127.0.0.1:17643. */
  URI address() {
    return server.address();
  }

  @Override
  public void close() {
    server.close();
  }

  /** The portal's origin (scheme://host:port) of a page URL such as {@link Browser#PORTAL}. */
  static String originOf(String url) {
    URI uri = URI.create(url);
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  /**
   * Fails when something listens on the agent's default ports: a KEY控件 running on this machine
   * would answer the pages instead of the test's (or make "not running" untrue).
   */
  static void assertDefaultPortsFree() {
    for (int port : AgentConfig.DEFAULT_PORTS) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        fail(
            "Something listens on 127.0.0.1:"
                + port
                + ", a port of the KEY控件: stop the key agent running on this machine");
      } catch (IOException nothingListens) {
        // as it should be
      }
    }
  }

  /**
   * Like {@link #startWithCertificate(String, String, Duration)}, handing the certificate put on
   * the token to {@code issued} (e.g. to record it in the portal's registry).
   */
  static KeyAgentFixture startWithCertificate(
      String origin,
      String subject,
      Duration validity,
      java.util.function.Consumer<X509Certificate> issued) {
    return start(origin, tokens -> issued.accept(putCertificate(tokens, subject, validity)));
  }

  private static X509Certificate putCertificate(
      TokenService tokens, String subject, Duration validity) {
    TokenSession session =
        tokens.login(new TokenSelector(Optional.empty(), Optional.of(TOKEN)), PIN.toCharArray());
    try {
      GeneratedKey key =
          tokens.generateKey(session.id(), KeyAlgorithm.EC_P256, new X500Name(subject));
      X509Certificate certificate;
      if (validity == null) {
        Object ca = newFixture("TestCa");
        certificate =
            (X509Certificate)
                invoke(ca, "issue", new Class<?>[] {byte[].class}, key.certificationRequest());
      } else {
        certificate = issueLocally(key.certificationRequest(), validity);
      }
      tokens.installCertificate(session.id(), key.keyId(), List.of(certificate), Optional.empty());
      return certificate;
    } finally {
      tokens.logout(session.id());
    }
  }

  /**
   * A certificate for the request, signed by the server's earlier issuing CA ({@link LegacyCa}),
   * which the portal recognises as its own, as it recognises the certificates on keys issued before
   * it.
   */
  private static X509Certificate issueLocally(byte[] certificationRequest, Duration validity) {
    try {
      PKCS10CertificationRequest request = new PKCS10CertificationRequest(certificationRequest);
      Instant now = Instant.now();
      return LegacyCa.certificate(
          new X500Principal(request.getSubject().getEncoded()),
          new JcaPKCS10CertificationRequest(request).getPublicKey(),
          now.minus(Duration.ofMinutes(5)),
          now.plus(validity));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot issue the test certificate", e);
    }
  }

  private static void requirePkcs11WrapperExport() {
    Module cryptoki =
        ModuleLayer.boot()
            .findModule("jdk.crypto.cryptoki")
            .orElseThrow(() -> new AssertionError("This JDK has no jdk.crypto.cryptoki module"));
    if (!cryptoki.isExported("sun.security.pkcs11.wrapper", KeyAgentFixture.class.getModule())) {
      fail(
          "Run this test with --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper"
              + "=ALL-UNNAMED (failsafe argLine): the key agent reads the tokens through it");
    }
  }

  /** SoftHsm.tokens().library(): makes the tokens once per JVM, skips without SoftHSM2. */
  private static Path softHsmLibrary() {
    Object softHsm = invokeStatic("SoftHsm", "tokens");
    return (Path) invoke(softHsm, "library", new Class<?>[0]);
  }

  // key-agent's fixtures are package-private (cn.cwca.keyagent); until they are public, this test
  // reaches them reflectively. Failures of the fixtures (assumptions, assertions) pass through.

  private static final String FIXTURES = "cn.cwca.keyagent.";

  private static Object fixtureConstant(String type, String name) {
    try {
      var field = Class.forName(FIXTURES + type).getDeclaredField(name);
      field.setAccessible(true);
      return field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "key-agent's test fixtures (test-jar) lack " + type + "." + name, e);
    }
  }

  private static Object newFixture(String type) {
    try {
      Constructor<?> constructor = Class.forName(FIXTURES + type).getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("key-agent's test fixtures (test-jar) lack " + type, e);
    }
  }

  private static Object invokeStatic(String type, String method) {
    try {
      Method m = Class.forName(FIXTURES + type).getDeclaredMethod(method);
      m.setAccessible(true);
      return m.invoke(null);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "key-agent's test fixtures (test-jar) lack " + type + "." + method + "()", e);
    }
  }

  private static Object invoke(Object target, String method, Class<?>[] types, Object... args) {
    try {
      Method m = target.getClass().getDeclaredMethod(method, types);
      m.setAccessible(true);
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "key-agent's test fixtures (test-jar) lack "
              + target.getClass().getSimpleName()
              + "."
              + method,
          e);
    }
  }

  private static RuntimeException rethrow(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(cause);
  }
}
