package cn.cwca.portal.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Test-only: a database of its own on the test PostgreSQL server ({@code portal.test.db.url},
 * default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code portal.test.db.user}, default
 * {@code postgres}), created empty for one test class and dropped after it. The test is skipped
 * when no server answers.
 */
public final class ThrowawayDatabase {

  private final String server;
  private final String user;
  private final String name;
  private final PGSimpleDataSource dataSource;

  private ThrowawayDatabase(String server, String user, String name) {
    this.server = server;
    this.user = user;
    this.name = name;
    dataSource = new PGSimpleDataSource();
    dataSource.setURL(server + name);
    dataSource.setUser(user);
  }

  /** A new empty database named {@code <prefix>_<pid>}; skips the test without a server. */
  public static ThrowawayDatabase create(String prefix) throws SQLException {
    String server = System.getProperty("portal.test.db.url", "jdbc:postgresql://127.0.0.1:5432/");
    String user = System.getProperty("portal.test.db.user", "postgres");
    ThrowawayDatabase db =
        new ThrowawayDatabase(server, user, prefix + "_" + ProcessHandle.current().pid());
    try (Connection admin = db.maintenance();
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + db.name);
      sql.execute("CREATE DATABASE " + db.name);
    } catch (SQLException unreachable) {
      assumeTrue(false, "no PostgreSQL at " + server + ": " + unreachable.getMessage());
    }
    return db;
  }

  public PGSimpleDataSource dataSource() {
    return dataSource;
  }

  /** Drops the database, closing the connections still open to it. */
  public void drop() throws SQLException {
    try (Connection admin = maintenance();
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private Connection maintenance() throws SQLException {
    return DriverManager.getConnection(server + "postgres", user, null);
  }
}
