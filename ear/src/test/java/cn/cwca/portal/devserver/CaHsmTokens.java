package cn.cwca.portal.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Empty SoftHSM2 tokens for CAs whose keys live on an HSM, in a private token directory of the
 * integration-test server, which runs with {@code SOFTHSM2_CONF} pointing at it. The portal's CA
 * (with it.ca.token=PKCS11) and the benchmark's HSM connection factories select them by slot-list
 * index (0, 1, ...: SoftHSM2 lists its initialised tokens first) and create a CA on each at first
 * use. Without SoftHSM2 installed there are none, and what needs them says so.
 */
public final class CaHsmTokens {

  /** The user PIN of these throw-away tokens (not a secret: they live under target/). */
  public static final String PIN = "13572468";

  private static final String SO_PIN = "86427531";

  /** The PKCS#11 module, where Debian and other distributions put it. */
  public static final List<Path> LIBRARIES =
      List.of(
          Path.of("/usr/lib/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),
          Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

  private CaHsmTokens() {}

  /** The installed SoftHSM2 module, if any. */
  public static Optional<Path> library() {
    return LIBRARIES.stream().filter(Files::isRegularFile).findFirst();
  }

  /**
   * Creates {@code count} empty tokens under {@code folder} (deleting earlier ones) and returns the
   * environment the server needs to see them; nothing when SoftHSM2 is not installed.
   */
  static Map<String, String> create(Path folder, int count) throws IOException {
    if (library().isEmpty()) {
      System.out.println("SoftHSM2 is not installed: the server gets no HSM tokens");
      return Map.of();
    }
    Path configuration = folder.resolve("softhsm2.conf");
    Path tokens = folder.resolve("tokens");
    IntegrationServer.deleteTree(folder);
    Files.createDirectories(tokens);
    Files.writeString(
        configuration,
        "directories.tokendir = "
            + tokens.toAbsolutePath()
            + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
        StandardCharsets.UTF_8);
    Map<String, String> environment =
        Map.of("SOFTHSM2_CONF", configuration.toAbsolutePath().toString());
    for (int i = 0; i < count; i++) {
      softhsm2Util(
          environment,
          "--init-token",
          "--free",
          "--label",
          "caportal-ca-" + i,
          "--pin",
          PIN,
          "--so-pin",
          SO_PIN);
    }
    return environment;
  }

  private static void softhsm2Util(Map<String, String> environment, String... args)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("softhsm2-util"), java.util.Arrays.stream(args))
                    .toList())
            .redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException("softhsm2-util " + args[0] + " failed:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
