package cn.cwca.portal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bounds the HTTP sessions of callers who are not logged in. Public pages are stateless and create
 * none; the forms that keep state between requests (registration, forgot password) and a failed
 * login do. Each such session lives at most {@link #ANONYMOUS_TIMEOUT} idle; an address keeps at
 * most {@link #MAX_PER_ADDRESS} of them and the server at most {@link #MAX_TOTAL}: beyond that the
 * oldest is ended. A flood of anonymous requests therefore holds a bounded amount of memory, and
 * logged-in callers, whose sessions are never counted here, keep being served.
 *
 * <p>The bound is per server instance, as the memory it protects is.
 */
@ApplicationScoped
public class AnonymousSessions {

  /**
   * Anonymous sessions one address may hold: generous, as a whole office registering behind one NAT
   * address shares it.
   */
  public static final int MAX_PER_ADDRESS = 200;

  /** Anonymous sessions the server holds at most. */
  public static final int MAX_TOTAL = 10_000;

  /** How long an anonymous session lives idle (a logged-in one: the web.xml timeout). */
  public static final Duration ANONYMOUS_TIMEOUT = Duration.ofMinutes(20);

  private record Held(HttpSession session, String address) {}

  /** By session id, oldest first. */
  private final Map<String, Held> all = new LinkedHashMap<>();

  /** Per address, the ids of its sessions, oldest first. */
  private final Map<String, Set<String>> byAddress = new HashMap<>();

  /** A request of a caller who is not logged in created this session. */
  public void created(HttpSession session, String address) {
    List<HttpSession> evicted = new ArrayList<>();
    synchronized (this) {
      String id = session.getId();
      if (all.containsKey(id)) {
        return;
      }
      session.setMaxInactiveInterval((int) ANONYMOUS_TIMEOUT.toSeconds());
      all.put(id, new Held(session, address));
      Set<String> own = byAddress.computeIfAbsent(address, a -> new LinkedHashSet<>());
      own.add(id);
      while (own.size() > MAX_PER_ADDRESS) {
        evicted.add(remove(own.iterator().next()));
      }
      while (all.size() > MAX_TOTAL) {
        evicted.add(remove(all.keySet().iterator().next()));
      }
    }
    evicted.forEach(AnonymousSessions::end);
  }

  /** The session's caller logged in: the session is theirs now, with the normal timeout. */
  public void loggedIn(HttpSession session, int timeoutSeconds) {
    boolean wasAnonymous;
    synchronized (this) {
      wasAnonymous = all.containsKey(session.getId());
      forget(session.getId());
    }
    if (wasAnonymous) {
      session.setMaxInactiveInterval(timeoutSeconds);
    }
  }

  /** The session ended (timed out or invalidated). */
  public synchronized void forget(String sessionId) {
    if (all.containsKey(sessionId)) {
      remove(sessionId);
    }
  }

  /** The container gave a session a new id (at login, against session fixation). */
  public synchronized void idChanged(String oldId, String newId) {
    Held held = all.get(oldId);
    if (held == null) {
      return;
    }
    // Counts as the newest from now on; the bounds hold all the same.
    remove(oldId);
    all.put(newId, held);
    byAddress.computeIfAbsent(held.address(), a -> new LinkedHashSet<>()).add(newId);
  }

  /** How many anonymous sessions are held. */
  public synchronized int count() {
    return all.size();
  }

  /** How many anonymous sessions one address holds. */
  public synchronized int count(String address) {
    Set<String> own = byAddress.get(address);
    return own == null ? 0 : own.size();
  }

  private HttpSession remove(String id) {
    Held held = all.remove(id);
    Set<String> own = byAddress.get(held.address());
    if (own != null) {
      own.remove(id);
      if (own.isEmpty()) {
        byAddress.remove(held.address());
      }
    }
    return held.session();
  }

  private static void end(HttpSession session) {
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyEnded) {
      // ended meanwhile
    }
  }
}
