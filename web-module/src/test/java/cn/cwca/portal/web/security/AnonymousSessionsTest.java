package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnonymousSessionsTest {

  /** A session that knows its id, its timeout and whether it was invalidated. */
  private static final class FakeSession {
    final String id;
    int maxInactiveInterval = 1800;
    boolean invalidated;
    final HttpSession proxy;

    FakeSession(String id) {
      this.id = id;
      this.proxy =
          (HttpSession)
              Proxy.newProxyInstance(
                  HttpSession.class.getClassLoader(),
                  new Class<?>[] {HttpSession.class},
                  (p, method, args) ->
                      switch (method.getName()) {
                        case "getId" -> this.id;
                        case "setMaxInactiveInterval" -> {
                          maxInactiveInterval = (Integer) args[0];
                          yield null;
                        }
                        case "invalidate" -> {
                          invalidated = true;
                          yield null;
                        }
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> null;
                      });
    }
  }

  private final AnonymousSessions sessions = new AnonymousSessions();

  private List<FakeSession> createFrom(String address, int count) {
    List<FakeSession> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FakeSession s = new FakeSession(address + "#" + i);
      sessions.created(s.proxy, address);
      created.add(s);
    }
    return created;
  }

  @Test
  void anAddressKeepsOnlyItsNewestAnonymousSessions() {
    List<FakeSession> flood = createFrom("203.0.113.7", AnonymousSessions.MAX_PER_ADDRESS + 50);

    assertEquals(AnonymousSessions.MAX_PER_ADDRESS, sessions.count("203.0.113.7"));
    assertTrue(flood.subList(0, 50).stream().allMatch(s -> s.invalidated), "the oldest ended");
    assertTrue(flood.subList(50, flood.size()).stream().noneMatch(s -> s.invalidated));
  }

  @Test
  void anotherAddressIsNotEndedByOnesFlood() {
    FakeSession neighbour = createFrom("198.51.100.1", 1).get(0);

    createFrom("203.0.113.7", AnonymousSessions.MAX_PER_ADDRESS * 3);

    assertFalse(neighbour.invalidated);
    assertEquals(1, sessions.count("198.51.100.1"));
  }

  @Test
  void theServerHoldsAtMostTheTotalNumberOfAnonymousSessions() {
    int addresses = AnonymousSessions.MAX_TOTAL / AnonymousSessions.MAX_PER_ADDRESS + 5;
    for (int a = 0; a < addresses; a++) {
      createFrom("10.0." + (a / 256) + "." + (a % 256), AnonymousSessions.MAX_PER_ADDRESS);
    }

    assertEquals(AnonymousSessions.MAX_TOTAL, sessions.count());
  }

  @Test
  void anAnonymousSessionIdlesOutSoonerThanALoggedInOne() {
    FakeSession s = createFrom("203.0.113.7", 1).get(0);
    assertEquals(AnonymousSessions.ANONYMOUS_TIMEOUT.toSeconds(), s.maxInactiveInterval);

    sessions.loggedIn(s.proxy, 1800);

    assertEquals(1800, s.maxInactiveInterval);
    assertEquals(0, sessions.count());
  }

  @Test
  void aSessionThatLoggedInIsNeverEndedByAFloodFromItsAddress() {
    FakeSession office = createFrom("203.0.113.7", 1).get(0);
    sessions.idChanged(office.id, "renewed");
    FakeSession renewed = new FakeSession("renewed");
    sessions.loggedIn(renewed.proxy, 1800);

    createFrom("203.0.113.7", AnonymousSessions.MAX_PER_ADDRESS * 2);

    assertFalse(office.invalidated);
    assertEquals(1800, renewed.maxInactiveInterval);
  }

  @Test
  void anEndedSessionNoLongerCounts() {
    FakeSession s = createFrom("203.0.113.7", 1).get(0);

    sessions.forget(s.id);

    assertEquals(0, sessions.count());
    assertEquals(0, sessions.count("203.0.113.7"));
  }
}
