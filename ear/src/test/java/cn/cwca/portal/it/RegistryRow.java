package cn.cwca.portal.it;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * A certificate in the registry as the CA records one on issuance (a natural person's P-256
 * certificate), for tests that need certificates the CA did not sign for them: someone else's, an
 * expiring one, a revoked one.
 *
 * @param revocationReason the RFC 5280 reason's name of a revoked certificate, or null
 */
public record RegistryRow(
    String owner,
    String subjectDn,
    LocalDateTime notBefore,
    LocalDateTime notAfter,
    String revocationReason,
    byte[] der) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Inserts the row (issued at notBefore; revoked a day later when revoked); its new serial. */
  public String insertInto(Connection c) throws SQLException {
    return insertInto(c, new BigInteger(64, RANDOM).setBit(63).toString(16));
  }

  /**
   * Inserts the row under this serial (lower-case hexadecimal without leading zeros, as the
   * registry keeps it; e.g. the serial of the certificate {@code der}); the serial.
   */
  public String insertInto(Connection c, String serial) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into issued_certificate (id, version, serial_hex, subject_dn,"
                + " owner_login_name, profile, key_algorithm, not_before, not_after, status,"
                + " revoked_at, revocation_reason, der, issued_at) values"
                + " (nextval('issued_certificate_seq'), 0, ?, ?, ?, 'NATURAL_PERSON', 'EC_P256',"
                + " ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, serial);
      insert.setString(2, subjectDn);
      insert.setString(3, owner);
      insert.setTimestamp(4, Timestamp.valueOf(notBefore));
      insert.setTimestamp(5, Timestamp.valueOf(notAfter));
      insert.setString(6, revocationReason == null ? "VALID" : "REVOKED");
      insert.setObject(
          7,
          revocationReason == null ? null : Timestamp.valueOf(notBefore.plusDays(1)),
          Types.TIMESTAMP);
      insert.setString(8, revocationReason);
      insert.setBytes(9, der);
      insert.setTimestamp(10, Timestamp.valueOf(notBefore));
      insert.executeUpdate();
    }
    return serial;
  }
}
