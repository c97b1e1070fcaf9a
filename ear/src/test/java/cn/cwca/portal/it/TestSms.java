package cn.cwca.portal.it;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.common.ClientInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * In-container tests read the SMS that the portal sent from the outbox (the shipped SMS gateway),
 * as the owner of the mobile number reads it on the phone.
 */
public final class TestSms {

  /** Where the tests' registration codes are requested from. */
  public static final ClientInfo REGISTRANT = new ClientInfo("192.0.2.200");

  private static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");

  private TestSms() {}

  /** Asks for a registration code for this number and returns it, as read from the SMS. */
  public static String registrationCode(AccountService accounts, String mobile) {
    accounts.sendRegistrationCode(mobile, REGISTRANT);
    return codeIn(lastTextTo(mobile).orElseThrow(() -> new AssertionError("No SMS to " + mobile)));
  }

  /** The code an SMS carries. */
  public static String codeIn(String text) {
    Matcher m = CODE.matcher(text);
    if (!m.find()) {
      throw new AssertionError("No code in the SMS: " + text);
    }
    return m.group(1);
  }

  /** The newest SMS sent to this number. */
  public static Optional<String> lastTextTo(String mobile) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT text FROM sms_outbox WHERE mobile = ? ORDER BY sent_at DESC, id DESC"
                    + " LIMIT 1")) {
      s.setString(1, mobile);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Lets a new code be sent to this number at once: the codes sent to it so far count as sent more
   * than a minute ago.
   */
  public static void allowAnotherCodeTo(String mobile) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE sms_code SET requested_at = requested_at - interval '61 seconds'"
                    + " WHERE mobile = ?")) {
      s.setString(1, mobile);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Forgets the codes and messages sent to this number, as if the account had been registered long
   * ago: for tests that count what is sent to it afterwards.
   */
  public static void forgetSmsTo(String mobile) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement codes = c.prepareStatement("DELETE FROM sms_code WHERE mobile = ?");
        PreparedStatement outbox = c.prepareStatement("DELETE FROM sms_outbox WHERE mobile = ?")) {
      codes.setString(1, mobile);
      codes.executeUpdate();
      outbox.setString(1, mobile);
      outbox.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DataSource dataSource() {
    try {
      return InitialContext.doLookup("jdbc/caportal");
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
  }
}
