package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.cwca.portal.ca.KeyAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * SoftHSM2 tokens of the test run, in a token folder of their own under target/ (never the
 * machine's): the PKCS#11 library reads the configuration named by {@code SOFTHSM2_CONF}, which
 * surefire sets, once per JVM, so every token is initialised before the library is first loaded.
 * Tests that need it are skipped only when SoftHSM2 is not installed.
 */
final class SoftHsm {

  static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  static final String PIN = "Ca-portal-1234";
  private static final String SO_PIN = "Ca-portal-so-5678";

  /** The token of a P-256 CA. */
  static final String EC_CA = "ca-p256";

  /** The token of an RSA-2048 CA. */
  static final String RSA_CA = "ca-rsa";

  /** The token of subscriber keys, standing in for a USB key. */
  static final String SUBSCRIBER = "subscriber";

  /**
   * A token nobody logs in to: PKCS#11 login state belongs to the whole process, so a wrong PIN is
   * only noticed on a token that is not logged in already.
   */
  static final String NEVER_LOGGED_IN = "never-logged-in";

  private static final List<String> LABELS = List.of(EC_CA, RSA_CA, SUBSCRIBER, NEVER_LOGGED_IN);
  private static Map<String, Long> slots;

  private SoftHsm() {}

  /** The slot id of the token with this label, initialising all tokens on first use. */
  static synchronized long slot(String label) {
    Assumptions.assumeTrue(
        Files.isReadable(LIBRARY),
        "SoftHSM2 is not installed (" + LIBRARY + " missing): apt-get install softhsm2");
    if (slots == null) {
      slots = initialiseTokens();
    }
    return slots.get(label);
  }

  /** A connection factory for a CA whose keys are on the token with this label. */
  static CaManagedConnectionFactory caFactory(String label, KeyAlgorithm algorithm) {
    CaManagedConnectionFactory factory = new CaManagedConnectionFactory();
    factory.setTokenType("PKCS11");
    factory.setPkcs11Library(LIBRARY.toString());
    factory.setPkcs11Slot(slot(label));
    factory.setPkcs11Pin(PIN);
    factory.setCaKeyAlgorithm(algorithm.name());
    return factory;
  }

  /** A logged-in SunPKCS11 provider for the token with this label. */
  static Provider provider(String label) throws Exception {
    Provider provider =
        Security.getProvider("SunPKCS11")
            .configure(
                "--name = test-" + label + "\nlibrary = " + LIBRARY + "\nslot = " + slot(label));
    KeyStore.getInstance("PKCS11", provider).load(null, PIN.toCharArray());
    return provider;
  }

  /** Runs pkcs11-tool (OpenSC) on the token with this label, logged in, and returns its output. */
  static String pkcs11Tool(String label, String... args) {
    List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", LIBRARY.toString()));
    command.addAll(List.of("--slot", Long.toString(slot(label)), "--login", "--pin", PIN));
    command.addAll(List.of(args));
    return run(command);
  }

  private static Map<String, Long> initialiseTokens() {
    String conf = System.getenv("SOFTHSM2_CONF");
    assertNotNull(conf, "SOFTHSM2_CONF is not set: run the tests with Maven (surefire sets it)");
    Path configuration = Path.of(conf);
    Path folder = configuration.getParent();
    Path tokens = folder.resolve("tokens");
    try {
      deleteRecursively(folder);
      Files.createDirectories(tokens);
      Files.writeString(
          configuration,
          "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
          StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Long> slots = new HashMap<>();
    Pattern reassigned = Pattern.compile("reassigned to slot (\\d+)");
    for (String label : LABELS) {
      String output =
          run(
              List.of(
                  "softhsm2-util",
                  "--init-token",
                  "--free",
                  "--label",
                  label,
                  "--pin",
                  PIN,
                  "--so-pin",
                  SO_PIN));
      Matcher slot = reassigned.matcher(output);
      assertEquals(true, slot.find(), () -> "no slot in softhsm2-util's answer: " + output);
      slots.put(label, Long.parseLong(slot.group(1)));
    }
    return slots;
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      assertEquals(0, process.exitValue(), () -> command.get(0) + " failed:\n" + output);
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
