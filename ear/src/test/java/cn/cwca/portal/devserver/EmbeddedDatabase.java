package cn.cwca.portal.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The run command's default database: an embedded PostgreSQL whose data folder survives between
 * runs. It is as durable as any PostgreSQL: the embedded library's test defaults (no fsync, no
 * synchronous commit, no full-page writes, which a power cut can turn into lost orders or a corrupt
 * data folder) are switched back on.
 */
final class EmbeddedDatabase {

  /** The settings that make a committed transaction survive a crash or a power cut. */
  static final Map<String, String> DURABILITY =
      Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

  private EmbeddedDatabase() {}

  static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port);
    DURABILITY.forEach(builder::setServerConfig);
    return builder.start();
  }
}
