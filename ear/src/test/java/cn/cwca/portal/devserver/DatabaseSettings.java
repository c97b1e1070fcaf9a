package cn.cwca.portal.devserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where the portal's database is: a JDBC URL, a user and an optional password. Read from the
 * environment ({@code CAPORTAL_DB_URL}, {@code CAPORTAL_DB_USER}, {@code CAPORTAL_DB_PASSWORD}) or
 * the same names as system properties in lower case with dots ({@code caportal.db.url}, ...).
 */
record DatabaseSettings(String url, String user, String password) {

  static Optional<DatabaseSettings> configured() {
    String url = setting("CAPORTAL_DB_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String user = setting("CAPORTAL_DB_USER");
    return Optional.of(
        new DatabaseSettings(
            url,
            user == null ? System.getProperty("user.name") : user,
            setting("CAPORTAL_DB_PASSWORD")));
  }

  static String setting(String envName) {
    String property = System.getProperty(envName.toLowerCase().replace('_', '.'));
    return property != null ? property : System.getenv(envName);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password == null ? "" : password);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + "]";
  }
}
