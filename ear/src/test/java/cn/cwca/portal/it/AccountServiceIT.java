package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.OrganisationRegistration;
import cn.cwca.portal.account.PersonRegistration;
import cn.cwca.portal.account.ProfileUpdate;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registration, duplicates, profile and password changes through the real services, in Payara on
 * PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7");

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(AccountServiceIT.class, TestIdentities.class);
  }

  @EJB AccountService accounts;
  @EJB LoginService logins;
  @EJB AuditLog audit;
  @Inject UserTransaction tx;

  /** A person whose mobile number is proven with the code sent to it. */
  private PersonRegistration person(String idNumber, String mobile) {
    return person(idNumber, mobile, TestSms.registrationCode(accounts, mobile));
  }

  private static PersonRegistration person(String idNumber, String mobile, String code) {
    return new PersonRegistration(
        "张三",
        mobile,
        IdType.RESIDENT_ID,
        idNumber,
        TestIdentities.DIVISION,
        TestIdentities.PASSWORD,
        TestIdentities.PASSWORD,
        code);
  }

  /** An organisation whose mobile number is proven with the code sent to it. */
  private OrganisationRegistration organisation(String creditCode, String mobile) {
    return organisation(creditCode, mobile, TestSms.registrationCode(accounts, mobile));
  }

  private static OrganisationRegistration organisation(
      String creditCode, String mobile, String code) {
    return new OrganisationRegistration(
        "聊城测试科技有限公司",
        creditCode,
        TestIdentities.DIVISION,
        mobile,
        "李四",
        TestIdentities.PASSWORD,
        TestIdentities.PASSWORD,
        code);
  }

  /** A code nobody sent: the refusals of these tests come before the code is checked. */
  private static final String UNSENT = "000000";

  @Test
  void registersNaturalPersonWithIdNumberAsLoginName() {
    String id = TestIdentities.residentId();
    Account a = accounts.registerPerson(person(id, TestIdentities.mobile()), CLIENT);
    assertEquals(AccountType.NATURAL_PERSON, a.getType());
    assertEquals(id, accounts.find(id).orElseThrow().getLoginName());
    assertTrue(a.getRoles().contains(Role.APPLICANT));
  }

  @Test
  void registersOrganisationWithCreditCodeAsLoginNameAndCanLogIn() {
    String uscc = TestIdentities.creditCode();
    accounts.registerOrganisation(organisation(uscc, TestIdentities.mobile()), CLIENT);
    Account a = accounts.find(uscc).orElseThrow();
    assertEquals(AccountType.ORGANISATION, a.getType());
    assertEquals("李四", a.getLegalRepresentative());
    assertTrue(logins.authenticate(uscc, TestIdentities.PASSWORD, CLIENT).isPresent());
  }

  @Test
  void refusesSecondAccountWithSameIdNumber() {
    String id = TestIdentities.residentId();
    accounts.registerPerson(person(id, TestIdentities.mobile()), CLIENT);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> accounts.registerPerson(person(id, TestIdentities.mobile(), UNSENT), CLIENT));
    assertEquals("account.duplicate.idNumber", e.messageKey());
  }

  @Test
  void refusesSecondAccountWithSameCreditCode() {
    String uscc = TestIdentities.creditCode();
    accounts.registerOrganisation(organisation(uscc, TestIdentities.mobile()), CLIENT);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.registerOrganisation(
                    organisation(uscc, TestIdentities.mobile(), UNSENT), CLIENT));
    assertEquals("account.duplicate.creditCode", e.messageKey());
  }

  @Test
  void refusesSameMobileForSameTypeButAcceptsItForTheOtherType() {
    String mobile = TestIdentities.mobile();
    accounts.registerPerson(person(TestIdentities.residentId(), mobile), CLIENT);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.registerPerson(
                    person(TestIdentities.residentId(), mobile, UNSENT), CLIENT));
    assertEquals("account.duplicate.mobile", e.messageKey());
    String uscc = TestIdentities.creditCode();
    TestSms.allowAnotherCodeTo(mobile);
    accounts.registerOrganisation(organisation(uscc, mobile), CLIENT);
    assertTrue(accounts.find(uscc).isPresent());
  }

  @Test
  void serviceRefusesWhatThePageRefuses() {
    BusinessException badMobile =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.registerPerson(
                    person(TestIdentities.residentId(), "12440", UNSENT), CLIENT));
    assertEquals("validation.mobile", badMobile.messageKey());
    BusinessException badId =
        assertThrows(
            BusinessException.class,
            () ->
                accounts.registerPerson(
                    person("123456789123456789", TestIdentities.mobile(), UNSENT), CLIENT));
    assertEquals("validation.residentId", badId.messageKey());
    PersonRegistration weak =
        new PersonRegistration(
            "张三",
            TestIdentities.mobile(),
            IdType.RESIDENT_ID,
            TestIdentities.residentId(),
            TestIdentities.DIVISION,
            "Aa123",
            "Aa123",
            UNSENT);
    assertEquals(
        "validation.password",
        assertThrows(BusinessException.class, () -> accounts.registerPerson(weak, CLIENT))
            .messageKey());
    String uscc = "91350100M000100Y4Z";
    assertEquals(
        "validation.creditCode",
        assertThrows(
                BusinessException.class,
                () ->
                    accounts.registerOrganisation(
                        organisation(uscc, TestIdentities.mobile(), UNSENT), CLIENT))
            .messageKey());
  }

  @Test
  void registrationIsAuditedWithoutThePassword() {
    String id = TestIdentities.residentId();
    accounts.registerPerson(person(id, TestIdentities.mobile()), CLIENT);
    List<AuditEntry> entries = audit.forTarget(id);
    assertFalse(entries.isEmpty(), "an audit entry for the new account");
    AuditEntry entry = entries.get(0);
    assertEquals(CLIENT.remoteAddress(), entry.getRemoteAddress());
    assertFalse(String.valueOf(entry.getDetails()).contains(TestIdentities.PASSWORD));
  }

  @Test
  void rolledBackRegistrationLeavesNeitherAccountNorAuditEntry() throws Exception {
    String id = TestIdentities.residentId();
    PersonRegistration proven = person(id, TestIdentities.mobile());
    tx.begin();
    accounts.registerPerson(proven, CLIENT);
    tx.rollback();
    assertTrue(accounts.find(id).isEmpty());
    assertTrue(audit.forTarget(id).isEmpty());
  }

  @Test
  void anonymousCallerCannotEditAProfileOrChangeAPassword() {
    assertThrows(
        EJBAccessException.class,
        () ->
            accounts.updateProfile(
                new ProfileUpdate("名称", TestIdentities.mobile(), null),
                new ProfileUpdate("名称", TestIdentities.mobile(), null),
                CLIENT));
    assertThrows(
        EJBAccessException.class,
        () ->
            accounts.changePassword(TestIdentities.PASSWORD, "NewPassw0rd", "NewPassw0rd", CLIENT));
  }

  @Test
  void registrationNeedsTheCodeSentToTheMobileNumber() {
    String mobile = TestIdentities.mobile();
    String id = TestIdentities.residentId();
    assertEquals(
        "code.required",
        assertThrows(
                BusinessException.class,
                () -> accounts.registerPerson(person(id, mobile, ""), CLIENT))
            .messageKey());
    assertEquals(
        "code.invalid",
        assertThrows(
                BusinessException.class,
                () -> accounts.registerPerson(person(id, mobile, UNSENT), CLIENT))
            .messageKey());
    String code = TestSms.registrationCode(accounts, mobile);
    String wrong = code.equals("111111") ? "222222" : "111111";
    assertEquals(
        "code.invalid",
        assertThrows(
                BusinessException.class,
                () -> accounts.registerPerson(person(id, mobile, wrong), CLIENT))
            .messageKey());
    assertTrue(accounts.find(id).isEmpty());
    accounts.registerPerson(person(id, mobile, code), CLIENT);
    assertTrue(accounts.find(id).isPresent());
  }

  @Test
  void aCodeSentToOneNumberDoesNotProveAnother() {
    String code = TestSms.registrationCode(accounts, TestIdentities.mobile());
    String id = TestIdentities.residentId();
    assertEquals(
        "code.invalid",
        assertThrows(
                BusinessException.class,
                () -> accounts.registerPerson(person(id, TestIdentities.mobile(), code), CLIENT))
            .messageKey());
  }

  @Test
  void oneAddressRegistersOnlyItsAllowanceOfAccountsADay() {
    ClientInfo office = new ClientInfo("198.51.100." + (int) (Math.random() * 250 + 1));
    String configured = System.getProperty(AccountService.MAX_REGISTRATIONS_SETTING);
    System.setProperty(AccountService.MAX_REGISTRATIONS_SETTING, "2");
    try {
      accounts.registerPerson(person(TestIdentities.residentId(), TestIdentities.mobile()), office);
      accounts.registerPerson(person(TestIdentities.residentId(), TestIdentities.mobile()), office);
      PersonRegistration third = person(TestIdentities.residentId(), TestIdentities.mobile());
      assertEquals(
          "registration.addressLimit",
          assertThrows(BusinessException.class, () -> accounts.registerPerson(third, office))
              .messageKey());
      ClientInfo elsewhere =
          new ClientInfo(String.format("2001:db8:%x::1", (int) (Math.random() * 0xffff)));
      accounts.registerPerson(third, elsewhere);
      assertTrue(accounts.find(third.idNumber()).isPresent(), "another address is not limited");
    } finally {
      if (configured == null) {
        System.clearProperty(AccountService.MAX_REGISTRATIONS_SETTING);
      } else {
        System.setProperty(AccountService.MAX_REGISTRATIONS_SETTING, configured);
      }
    }
  }
}
