package cn.cwca.portal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs a scheduled job on one server of a cluster at a time: a PostgreSQL session advisory lock,
 * named after the job, held by a connection of its own (outside any transaction) for the run. A
 * server whose try finds the lock taken skips the run; a server that dies releases it with its
 * connection.
 */
public final class ClusterJob {

  private static final Logger LOG = Logger.getLogger(ClusterJob.class.getName());

  private ClusterJob() {}

  /**
   * Runs the work unless another server is running the job.
   *
   * @param name the job's name; the lock is {@code (hashtext(name), 0)}
   * @return what the work returned; -1 when another server held the lock; 0 when the database could
   *     not be reached (logged)
   */
  public static int runExclusively(DataSource dataSource, String name, IntSupplier work) {
    try (Connection c = dataSource.getConnection()) {
      if (!advisoryLock(c, "pg_try_advisory_lock", name)) {
        return -1;
      }
      try {
        return work.getAsInt();
      } finally {
        advisoryLock(c, "pg_advisory_unlock", name);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, e, () -> "The job " + name + " could not run");
      return 0;
    }
  }

  private static boolean advisoryLock(Connection c, String function, String name)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(hashtext(?), 0)")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
