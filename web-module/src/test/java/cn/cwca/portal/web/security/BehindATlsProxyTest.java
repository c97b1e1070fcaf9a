package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.web.downloads.DownloadsServlet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TLS ends at a reverse proxy and Payara sees plain http: the configured https public origin is
 * what tells the portal to send HSTS and to mark the session cookie Secure.
 */
class BehindATlsProxyTest {

  @AfterEach
  void forgetTheOrigin() {
    System.clearProperty(DownloadsServlet.PUBLIC_ORIGIN);
  }

  @Test
  void sendsHstsOverPlainHttpWhenThePublicOriginIsHttps() throws Exception {
    System.setProperty(DownloadsServlet.PUBLIC_ORIGIN, "https://ca.example.cn");
    assertEquals("max-age=31536000", headersOfAGet().get("Strict-Transport-Security"));
  }

  @Test
  void sendsNoHstsOverPlainHttpWithoutAnHttpsOrigin() throws Exception {
    assertNull(headersOfAGet().get("Strict-Transport-Security"));
    System.setProperty(DownloadsServlet.PUBLIC_ORIGIN, "http://ca.example.cn");
    assertNull(headersOfAGet().get("Strict-Transport-Security"));
  }

  @Test
  void marksTheSessionCookieSecureWhenThePublicOriginIsHttps() {
    System.setProperty(DownloadsServlet.PUBLIC_ORIGIN, "https://ca.example.cn");
    assertTrue(sessionCookieSecureAfterStart());
  }

  @Test
  void leavesTheSessionCookieAloneWithoutAnHttpsOrigin() {
    assertFalse(sessionCookieSecureAfterStart());
  }

  private static Map<String, String> headersOfAGet() throws Exception {
    Map<String, String> headers = new HashMap<>();
    HttpServletRequest request =
        fake(
            HttpServletRequest.class,
            (name, args) ->
                switch (name) {
                  case "getMethod" -> "GET";
                  case "getDispatcherType" -> jakarta.servlet.DispatcherType.REQUEST;
                  case "getServletPath" -> "/login.xhtml";
                  case "isSecure" -> false;
                  default -> null;
                });
    HttpServletResponse response =
        fake(
            HttpServletResponse.class,
            (name, args) -> {
              if (name.equals("setHeader")) {
                headers.put((String) args[0], (String) args[1]);
              }
              return null;
            });
    FilterChain chain = (req, res) -> {};
    new SecurityHeadersFilter().doFilter(request, response, chain);
    return headers;
  }

  private static boolean sessionCookieSecureAfterStart() {
    AtomicBoolean secure = new AtomicBoolean();
    SessionCookieConfig cookie =
        fake(
            SessionCookieConfig.class,
            (name, args) -> {
              if (name.equals("setSecure")) {
                secure.set((Boolean) args[0]);
              }
              return null;
            });
    ServletContext context =
        fake(
            ServletContext.class,
            (name, args) -> name.equals("getSessionCookieConfig") ? cookie : null);
    new SessionCookieSettings().contextInitialized(new ServletContextEvent(context));
    return secure.get();
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T fake(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.answer(method.getName(), args)));
  }
}
