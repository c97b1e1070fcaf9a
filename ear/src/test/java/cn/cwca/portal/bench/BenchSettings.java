package cn.cwca.portal.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The settings a benchmark's client side writes into the test archive (the system properties of the
 * Maven run do not reach the server), read back in the server one per line.
 */
final class BenchSettings {

  private BenchSettings() {}

  static List<String> read(String resource) throws Exception {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
