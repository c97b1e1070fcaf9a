package cn.cwca.portal.it.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.retention.RetentionJob;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly purge removes old login attempts, SMS codes and outbox messages, and nothing else.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(RetentionIT.class);
  }

  @EJB RetentionJob retention;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  /** Test rows have negative ids, which the application's sequences never hand out. */
  private static long nextId = -System.nanoTime() % 1_000_000_000L - 1_000_000_000L;

  private void execute(String sql, Object... values) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  private boolean exists(String table, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private long loginAttempt(int daysAgo) throws SQLException {
    long id = nextId--;
    execute(
        "INSERT INTO login_attempt (id, login_name, remote_address, succeeded, attempted_at)"
            + " VALUES (?, 'retention-test', '192.0.2.9', false,"
            + " now() AT TIME ZONE 'UTC' - make_interval(days => ?))",
        id,
        daysAgo);
    return id;
  }

  private long smsCode(int daysSinceExpiry) throws SQLException {
    long id = nextId--;
    execute(
        "INSERT INTO sms_code (id, purpose, login_name, mobile, code_salt, code_hash, delivered,"
            + " requested_at, expires_at) VALUES (?, 'PASSWORD_RESET', 'retention-test',"
            + " '13900000000', 's', 'h',"
            + " false, now() AT TIME ZONE 'UTC' - make_interval(days => ?, mins => 5),"
            + " now() AT TIME ZONE 'UTC' - make_interval(days => ?))",
        id,
        daysSinceExpiry,
        daysSinceExpiry);
    return id;
  }

  private long outboxMessage(int daysAgo) throws SQLException {
    long id = nextId--;
    execute(
        "INSERT INTO sms_outbox (id, mobile, text, sent_at)"
            + " VALUES (?, '13900000000', 'retention test',"
            + " now() AT TIME ZONE 'UTC' - make_interval(days => ?))",
        id,
        daysAgo);
    return id;
  }

  @Test
  void purgesWhatIsOlderThanItsRetentionAndKeepsTheRest() throws Exception {
    long oldAttempt = loginAttempt(91);
    long recentAttempt = loginAttempt(89);
    long oldCode = smsCode(31);
    long recentCode = smsCode(29);
    long oldMessage = outboxMessage(91);
    long recentMessage = outboxMessage(1);

    int purged = retention.run();

    assertTrue(purged >= 3, "purged " + purged);
    assertEquals(false, exists("login_attempt", oldAttempt));
    assertEquals(true, exists("login_attempt", recentAttempt));
    assertEquals(false, exists("sms_code", oldCode));
    assertEquals(true, exists("sms_code", recentCode));
    assertEquals(false, exists("sms_outbox", oldMessage));
    assertEquals(true, exists("sms_outbox", recentMessage));
  }
}
