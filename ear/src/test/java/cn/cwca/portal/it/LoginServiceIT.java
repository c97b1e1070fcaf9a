package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Login against the database identity, and throttling of repeated failures per account and per
 * address.
 */
@ExtendWith(ArquillianExtension.class)
class LoginServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(LoginServiceIT.class, TestIdentities.class);
  }

  @EJB AccountService accounts;
  @EJB LoginService logins;

  private String registered(ClientInfo client) {
    String id = TestIdentities.residentId();
    accounts.registerPerson(TestIdentities.person("钱七", id), client);
    return id;
  }

  private static ClientInfo someAddress() {
    return new ClientInfo("192.0.2." + (int) (Math.random() * 250 + 1));
  }

  @Test
  void acceptsTheRightPasswordAndRefusesAWrongOne() {
    ClientInfo client = someAddress();
    String id = registered(client);
    assertTrue(logins.authenticate(id, TestIdentities.PASSWORD, client).isPresent());
    assertTrue(logins.authenticate(id, "Wrong0Password", client).isEmpty());
    assertTrue(
        logins.authenticate(TestIdentities.residentId(), "Wrong0Password", client).isEmpty());
  }

  @Test
  void twentyParallelWrongPasswordsGetNoMoreThanFiveTries() throws Exception {
    String id = registered(someAddress());
    java.util.concurrent.ExecutorService burst =
        java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ClientInfo from = new ClientInfo("2001:db8:1::" + i);
        answers.add(
            burst.submit(
                () -> {
                  try {
                    return logins.authenticate(id, "Wrong0Password", from).isPresent()
                        ? "accepted"
                        : "wrong";
                  } catch (BusinessException refused) {
                    return refused.messageKey();
                  }
                }));
      }
      long wrong = 0;
      for (var answer : answers) {
        if (answer.get().equals("wrong")) {
          wrong++;
        }
      }
      assertEquals(5, wrong, "tries checked before the lock");
    } finally {
      burst.shutdownNow();
    }
  }

  @Test
  void throttlesAnAccountAfterFiveFailuresEvenWithTheRightPassword() {
    String id = registered(someAddress());
    for (int i = 0; i < 5; i++) {
      // each failure from a different address: the per-account limit is what is tested
      logins.authenticate(id, "Wrong0Password", new ClientInfo("2001:db8::" + i));
    }
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> logins.authenticate(id, TestIdentities.PASSWORD, someAddress()));
    assertEquals("login.throttled", e.messageKey());
  }

  @Test
  void throttlesAnAddressAfterTwentyFailures() {
    ClientInfo attacker = new ClientInfo("2001:db8:ff::" + (int) (Math.random() * 9999));
    for (int i = 0; i < 20; i++) {
      logins.authenticate(TestIdentities.residentId(), "Wrong0Password", attacker);
    }
    String id = registered(someAddress());
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> logins.authenticate(id, TestIdentities.PASSWORD, attacker));
    assertEquals("login.throttled", e.messageKey());
  }
}
