package cn.cwca.portal.devserver;

import cn.cwca.portal.account.PasswordHasher;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Creates the first administrator when the database has none, with a random password that is
 * returned to be shown once. There is no default password anywhere; later administrators are
 * managed in the application.
 */
final class AdminBootstrap {

  static final String ADMIN_LOGIN = "admin";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private AdminBootstrap() {}

  static Optional<String> ensureAdministrator(DatabaseSettings db) throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement q =
              c.prepareStatement("SELECT count(*) FROM account_role WHERE role = 'ADMIN'");
          ResultSet rs = q.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return Optional.empty();
        }
      }
      String password = randomPassword();
      long id;
      try (PreparedStatement seq = c.prepareStatement("SELECT nextval('account_seq')");
          ResultSet rs = seq.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO account (id, version, account_type, login_name, display_name, mobile,"
                  + " password_hash, created_at, updated_at)"
                  + " VALUES (?, 0, 'STAFF', ?, ?, '', ?, ?, ?)")) {
        insert.setLong(1, id);
        insert.setString(2, ADMIN_LOGIN);
        insert.setString(3, "系统管理员");
        insert.setString(4, PasswordHasher.hash(password.toCharArray()));
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        insert.setTimestamp(5, now);
        insert.setTimestamp(6, now);
        insert.executeUpdate();
      }
      try (PreparedStatement role =
          c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, 'ADMIN')")) {
        role.setLong(1, id);
        role.executeUpdate();
      }
      c.commit();
      return Optional.of(password);
    }
  }

  /**
   * 16 characters from a CSPRNG, with a digit, a lower- and an upper-case letter (the password
   * rule).
   */
  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    while (true) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String candidate = sb.toString();
      if (candidate.chars().anyMatch(Character::isDigit)
          && candidate.chars().anyMatch(Character::isLowerCase)
          && candidate.chars().anyMatch(Character::isUpperCase)) {
        return candidate;
      }
    }
  }
}
