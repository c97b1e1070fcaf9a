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
    accounts.registerPerson(TestIdentities.person(accounts, "钱七", id), client);
    return id;
  }

  private static ClientInfo someAddress() {
    return new ClientInfo("192.0.2." + (int) (Math.random() * 250 + 1));
  }

  /** The first 64 bits of an IPv6 address in a network no other test run is likely to use. */
  private static String freshNetwork() {
    return String.format(
        "2001:db8:%x:%x", (int) (Math.random() * 0xffff), (int) (Math.random() * 0xffff));
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
      String site = String.format("2001:db8:%x:", (int) (Math.random() * 0xffff));
      for (int i = 0; i < 20; i++) {
        // each from a network of its own: the per-account limit is what is tested
        ClientInfo from = new ClientInfo(site + Integer.toHexString(i + 1) + "::1");
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
      // each failure from a different network: the per-account limit is what is tested
      logins.authenticate(id, "Wrong0Password", new ClientInfo(freshNetwork() + "::1"));
    }
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> logins.authenticate(id, TestIdentities.PASSWORD, someAddress()));
    assertEquals("login.throttled", e.messageKey());
  }

  @Test
  void throttlesAnAddressAfterTwentyFailures() {
    ClientInfo attacker = new ClientInfo(freshNetwork() + "::7");
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

  @Test
  void countsTheAddressesOfOneIpv6NetworkAsOneAddress() {
    String network = freshNetwork();
    for (int i = 0; i < 20; i++) {
      logins.authenticate(
          TestIdentities.residentId(),
          "Wrong0Password",
          new ClientInfo(network + ":" + Integer.toHexString(i + 1) + "::" + i));
    }
    String id = registered(someAddress());
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                logins.authenticate(
                    id, TestIdentities.PASSWORD, new ClientInfo(network + ":ab:cd:ef:1")));
    assertEquals("login.throttled", e.messageKey());
  }
}
