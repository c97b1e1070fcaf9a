package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * SoftHSM2 tokens for the tests, in a private token directory under target/ (the build points
 * {@code SOFTHSM2_CONF} at its configuration). SoftHSM2 reads its tokens when the library is
 * initialised, once per JVM, so every token the tests use is created here, once, before any agent
 * loads the library.
 */
final class SoftHsm {

  /** The token of the API tests. */
  static final String TOKEN = "KEYAGENT-TEST";

  /** The token of the browser test, so that its certificate list is its own. */
  static final String BROWSER_TOKEN = "KEYAGENT-BROWSER";

  /** The token whose user PIN the API tests set again with the security officer's PIN. */
  static final String INIT_PIN_TOKEN = "KEYAGENT-INIT-PIN";

  /** The token whose user PIN the browser test sets again. */
  static final String BROWSER_INIT_PIN_TOKEN = "KEYAGENT-BROWSER-PIN";

  static final String PIN = "246810";
  static final String SO_PIN = "97531086";

  private static final List<Path> LIBRARIES =
      List.of(
          Path.of("/usr/lib/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),
          Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

  private static SoftHsm shared;

  private final Path library;
  private final Path configuration;

  private SoftHsm(Path library, Path configuration) {
    this.library = library;
    this.configuration = configuration;
  }

  /** The tokens, created on first use; skips the calling test when SoftHSM2 is not installed. */
  static synchronized SoftHsm tokens() {
    Path library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    assumeTrue(
        library != null,
        "SoftHSM2 is not installed (no libsofthsm2.so in "
            + LIBRARIES
            + "): apt-get install softhsm2");
    if (shared == null) {
      shared = create(library);
    }
    return shared;
  }

  Path library() {
    return library;
  }

  Path configuration() {
    return configuration;
  }

  private static SoftHsm create(Path library) {
    String conf = System.getenv("SOFTHSM2_CONF");
    assertNotNull(conf, "SOFTHSM2_CONF is not set: run the tests through Maven (surefire sets it)");
    Path configuration = Path.of(conf);
    Path tokenDirectory = configuration.resolveSibling("tokens");
    try {
      deleteTree(configuration.getParent());
      Files.createDirectories(tokenDirectory);
      Files.writeString(
          configuration,
          "directories.tokendir = "
              + tokenDirectory
              + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
          StandardCharsets.UTF_8);
      SoftHsm softHsm = new SoftHsm(library, configuration);
      softHsm.initialiseToken(TOKEN);
      softHsm.initialiseToken(BROWSER_TOKEN);
      softHsm.initialiseToken(INIT_PIN_TOKEN);
      softHsm.initialiseToken(BROWSER_INIT_PIN_TOKEN);
      return softHsm;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot prepare SoftHSM2 under " + configuration, e);
    }
  }

  private void initialiseToken(String label) throws IOException {
    List<String> command =
        new ArrayList<>(
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
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SOFTHSM2_CONF", configuration.toString());
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "softhsm2-util did not finish");
      assertEquals(0, process.exitValue(), "softhsm2-util --init-token failed: " + output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
