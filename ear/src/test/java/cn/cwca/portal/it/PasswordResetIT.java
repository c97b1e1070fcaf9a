package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.PasswordResetService;
import cn.cwca.portal.account.PersonRegistration;
import cn.cwca.portal.account.SmsCodePolicy;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forgot password: the code is read from the SMS outbox table, as an administrator would see it;
 * expiry, single use, the try limit, the sending limits and the silence about unknown accounts.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordResetIT {

  private static final ClientInfo CLIENT = new ClientInfo("198.51.100.20");
  private static final String NEW_PASSWORD = "Renewed0Pass";
  private static final Pattern CODE = Pattern.compile("(\\d{6})");

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(PasswordResetIT.class, TestIdentities.class);
  }

  @EJB AccountService accounts;
  @EJB LoginService logins;
  @EJB PasswordResetService reset;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  private record Applicant(String loginName, String mobile) {}

  private Applicant registered() {
    String id = TestIdentities.residentId();
    String mobile = TestIdentities.mobile();
    accounts.registerPerson(
        new PersonRegistration(
            "赵六",
            mobile,
            IdType.RESIDENT_ID,
            id,
            TestIdentities.DIVISION,
            TestIdentities.PASSWORD,
            TestIdentities.PASSWORD,
            TestSms.registrationCode(accounts, mobile)),
        CLIENT);
    TestSms.forgetSmsTo(mobile);
    return new Applicant(id, mobile);
  }

  private int outboxCount(String mobile) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM sms_outbox WHERE mobile = ?")) {
      s.setString(1, mobile);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private String codeFromOutbox(String mobile) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT text FROM sms_outbox WHERE mobile = ? ORDER BY sent_at DESC, id DESC LIMIT 1")) {
      s.setString(1, mobile);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "an SMS in the outbox for " + mobile);
        Matcher m = CODE.matcher(rs.getString(1));
        assertTrue(m.find(), "a 6-digit code in the SMS text");
        return m.group(1);
      }
    }
  }

  private void ageCodes(String mobile, int minutes) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE sms_code SET requested_at = requested_at - make_interval(secs => ? * 60 + 1),"
                    + " expires_at = expires_at - make_interval(secs => ? * 60 + 1) WHERE mobile = ?")) {
      s.setInt(1, minutes);
      s.setInt(2, minutes);
      s.setString(3, mobile);
      s.executeUpdate();
    }
  }

  private void ageCodesWithinToday(String mobile) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE sms_code SET requested_at = greatest(requested_at - interval '61 seconds',"
                    + " (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai')"
                    + " AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC') WHERE mobile = ?")) {
      s.setString(1, mobile);
      s.executeUpdate();
    }
  }

  private static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @Test
  void resetsPasswordWithTheCodeFromTheOutbox() throws Exception {
    Applicant a = registered();
    reset.sendCode(a.loginName(), a.mobile(), CLIENT);
    String code = codeFromOutbox(a.mobile());
    reset.resetPassword(a.loginName(), a.mobile(), code, NEW_PASSWORD, NEW_PASSWORD, CLIENT);
    assertTrue(logins.authenticate(a.loginName(), NEW_PASSWORD, CLIENT).isPresent());
    assertTrue(logins.authenticate(a.loginName(), TestIdentities.PASSWORD, CLIENT).isEmpty());
  }

  @Test
  void codeWorksOnlyOnce() throws Exception {
    Applicant a = registered();
    reset.sendCode(a.loginName(), a.mobile(), CLIENT);
    String code = codeFromOutbox(a.mobile());
    reset.resetPassword(a.loginName(), a.mobile(), code, NEW_PASSWORD, NEW_PASSWORD, CLIENT);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                reset.resetPassword(
                    a.loginName(), a.mobile(), code, "Another0Pass", "Another0Pass", CLIENT));
    assertEquals("reset.codeInvalid", e.messageKey());
  }

  @Test
  void refusesCodeOlderThanFiveMinutes() throws Exception {
    Applicant a = registered();
    reset.sendCode(a.loginName(), a.mobile(), CLIENT);
    String code = codeFromOutbox(a.mobile());
    ageCodes(a.mobile(), 6);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                reset.resetPassword(
                    a.loginName(), a.mobile(), code, NEW_PASSWORD, NEW_PASSWORD, CLIENT));
    assertEquals("reset.codeExpired", e.messageKey());
  }

  @Test
  void refusesEvenTheRightCodeAfterFiveWrongTries() throws Exception {
    Applicant a = registered();
    reset.sendCode(a.loginName(), a.mobile(), CLIENT);
    String code = codeFromOutbox(a.mobile());
    for (int i = 0; i < 5; i++) {
      assertThrows(
          BusinessException.class,
          () ->
              reset.resetPassword(
                  a.loginName(), a.mobile(), wrong(code), NEW_PASSWORD, NEW_PASSWORD, CLIENT));
    }
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                reset.resetPassword(
                    a.loginName(), a.mobile(), code, NEW_PASSWORD, NEW_PASSWORD, CLIENT));
    assertEquals("reset.tooManyTries", e.messageKey());
    assertTrue(logins.authenticate(a.loginName(), TestIdentities.PASSWORD, CLIENT).isPresent());
  }

  @Test
  void refusesASecondCodeWithinAMinute() throws Exception {
    Applicant a = registered();
    reset.sendCode(a.loginName(), a.mobile(), CLIENT);
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> reset.sendCode(a.loginName(), a.mobile(), CLIENT));
    assertEquals("sms.tooSoon", e.messageKey());
    assertEquals(1, outboxCount(a.mobile()));
  }

  @Test
  void stopsAfterTenCodesADay() throws Exception {
    Applicant a = registered();
    for (int i = 0; i < 10; i++) {
      reset.sendCode(a.loginName(), a.mobile(), CLIENT);
      // a minute later, but still today in Beijing (the day of the limit)
      ageCodesWithinToday(a.mobile());
    }
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> reset.sendCode(a.loginName(), a.mobile(), CLIENT));
    assertEquals("sms.dailyLimit", e.messageKey());
  }

  @Test
  void stopsAnAddressAfterThirtyCodesAnHourWhateverTheNumbers() throws Exception {
    ClientInfo busy = new ClientInfo("198.51.100.130");
    // the test server allows more, for the browser tests that all come from one address
    String configured = System.getProperty(SmsCodePolicy.MAX_PER_ADDRESS_SETTING);
    System.setProperty(
        SmsCodePolicy.MAX_PER_ADDRESS_SETTING,
        String.valueOf(SmsCodePolicy.MAX_PER_ADDRESS_PER_HOUR));
    try {
      for (int i = 0; i < SmsCodePolicy.MAX_PER_ADDRESS_PER_HOUR; i++) {
        reset.sendCode("UNKNOWN" + i, TestIdentities.mobile(), busy);
      }
      BusinessException e =
          assertThrows(
              BusinessException.class,
              () -> reset.sendCode("UNKNOWN", TestIdentities.mobile(), busy));
      assertEquals("sms.addressLimit", e.messageKey());
    } finally {
      restore(SmsCodePolicy.MAX_PER_ADDRESS_SETTING, configured);
    }

    Applicant elsewhere = registered();
    reset.sendCode(elsewhere.loginName(), elsewhere.mobile(), CLIENT);
    assertEquals(1, outboxCount(elsewhere.mobile()), "another address is not limited");
  }

  /** Six wrong tries of the latest code: the first five and the sixth answer. */
  private List<String> answersToSixWrongTries(String loginName, String mobile) {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(
          assertThrows(
                  BusinessException.class,
                  () ->
                      reset.resetPassword(
                          loginName, mobile, "000000", NEW_PASSWORD, NEW_PASSWORD, CLIENT))
              .messageKey());
    }
    return answers;
  }

  @Test
  void wrongTriesAnswerTheSameWhetherOrNotTheNumberIsBoundToTheAccount() throws Exception {
    Applicant a = registered();
    reset.sendCode(a.loginName(), a.mobile(), CLIENT);
    String other = TestIdentities.mobile();
    reset.sendCode(a.loginName(), other, CLIENT);
    String unknownId = TestIdentities.residentId();
    String stranger = TestIdentities.mobile();
    reset.sendCode(unknownId, stranger, CLIENT);
    String code = codeFromOutbox(a.mobile());
    assumeFalse(code.equals("000000"));

    List<String> bound = answersToSixWrongTries(a.loginName(), a.mobile());

    assertEquals("reset.tooManyTries", bound.get(5));
    assertEquals(bound, answersToSixWrongTries(a.loginName(), other));
    assertEquals(bound, answersToSixWrongTries(unknownId, stranger));
  }

  @Test
  void anOldCodeAnswersTheSameWhetherOrNotTheNumberIsBoundToTheAccount() throws Exception {
    Applicant a = registered();
    String other = TestIdentities.mobile();
    reset.sendCode(a.loginName(), other, CLIENT);
    ageCodes(other, 6);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                reset.resetPassword(
                    a.loginName(), other, "123456", NEW_PASSWORD, NEW_PASSWORD, CLIENT));
    assertEquals("reset.codeExpired", e.messageKey());
  }

  @Test
  void unknownAccountGetsTheSameAnswerAndNoSms() throws Exception {
    String mobile = TestIdentities.mobile();
    reset.sendCode(TestIdentities.residentId(), mobile, CLIENT);
    assertEquals(0, outboxCount(mobile));
  }

  @Test
  void mobileNotBoundToTheAccountGetsNoSms() throws Exception {
    Applicant a = registered();
    String other = TestIdentities.mobile();
    reset.sendCode(a.loginName(), other, CLIENT);
    assertEquals(0, outboxCount(other));
    assertEquals(0, outboxCount(a.mobile()));
  }

  @Test
  void aResetEndsTheAccountsSessions() {
    Applicant a = registered();
    int before = accounts.credentialsVersion(a.loginName()).orElseThrow();
    reset.sendCode(a.loginName(), a.mobile(), CLIENT);
    String code = TestSms.codeIn(TestSms.lastTextTo(a.mobile()).orElseThrow());
    reset.resetPassword(a.loginName(), a.mobile(), code, "Renewed0Pass", "Renewed0Pass", CLIENT);
    assertEquals(before + 1, accounts.credentialsVersion(a.loginName()).orElseThrow());
  }

  @Test
  void aRegistrationCodeResetsNoPassword() {
    Applicant a = registered();
    accounts.sendRegistrationCode(a.mobile(), CLIENT);
    String code = TestSms.codeIn(TestSms.lastTextTo(a.mobile()).orElseThrow());
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                reset.resetPassword(
                    a.loginName(), a.mobile(), code, "Renewed0Pass", "Renewed0Pass", CLIENT));
    assertEquals("reset.codeInvalid", e.messageKey());
  }

  static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
