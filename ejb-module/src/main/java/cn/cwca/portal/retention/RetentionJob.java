package cn.cwca.portal.retention;

import cn.cwca.portal.persistence.ClusterJob;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every night, purges what {@link RetentionPolicy} no longer keeps: old login attempts, SMS codes
 * long expired and old SMS outbox messages, in batches of {@value #BATCH} rows, each its own
 * transaction, so that no table is locked for long. One server of a cluster runs it at a time
 * ({@link ClusterJob}). The audit trail is not touched.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  private static final String JOB = "record-retention";

  /** Rows deleted per statement. */
  static final int BATCH = 5_000;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  Clock clock = Clock.systemUTC();

  @Schedule(second = "0", minute = "23", hour = "3", persistent = false)
  void nightly() {
    run();
  }

  /**
   * One run, unless another server is running it.
   *
   * @return the rows purged; -1 when another run held the lock
   */
  public int run() {
    return ClusterJob.runExclusively(dataSource, JOB, this::purge);
  }

  private int purge() {
    RetentionPolicy policy = RetentionPolicy.configured();
    LocalDateTime now = LocalDateTime.now(clock);
    int purged =
        purge("login_attempt", "attempted_at", policy.loginAttemptsBefore(now))
            + purge("sms_code", "expires_at", policy.smsCodesExpiredBefore(now))
            + purge("sms_outbox", "sent_at", policy.smsOutboxBefore(now));
    if (purged > 0) {
      LOG.info(() -> "Retention: " + purged + " old login attempts, SMS codes and messages purged");
    }
    return purged;
  }

  /** Deletes the table's rows older than the cutoff, batch by batch. */
  private int purge(String table, String column, LocalDateTime cutoff) {
    String sql =
        "DELETE FROM "
            + table
            + " WHERE id IN (SELECT id FROM "
            + table
            + " WHERE "
            + column
            + " < ? LIMIT "
            + BATCH
            + ")";
    int total = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement(sql)) {
      int deleted;
      do {
        delete.setTimestamp(1, Timestamp.valueOf(cutoff));
        deleted = delete.executeUpdate();
        total += deleted;
      } while (deleted == BATCH);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, e, () -> "Retention: " + table + " not purged");
    }
    return total;
  }
}
