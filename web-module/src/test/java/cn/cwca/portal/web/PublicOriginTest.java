package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicOriginTest {

  @Test
  void takesTheConfiguredOriginOverTheRequestsOne() {
    assertEquals(
        "https://ca.example.cn",
        PublicOrigin.origin("https://CA.example.cn/", "http", "localhost", 8080));
    assertEquals(
        "https://ca.example.cn:8443",
        PublicOrigin.origin(" https://ca.example.cn:8443 ", "http", "localhost", 8080));
  }

  @Test
  void derivesTheOriginFromTheRequestAsABrowserSendsIt() {
    assertEquals("http://localhost:8080", PublicOrigin.origin(null, "http", "localhost", 8080));
    assertEquals("https://ca.example.cn", PublicOrigin.origin("", "https", "ca.example.cn", 443));
    assertEquals("http://ca.example.cn", PublicOrigin.origin(null, "http", "ca.example.cn", 80));
    assertEquals("http://[::1]:8080", PublicOrigin.origin(null, "http", "::1", 8080));
  }

  @Test
  void refusesAConfiguredValueThatIsNotAnOrigin() {
    for (String wrong :
        List.of("ca.example.cn", "ftp://ca.example.cn", "https://ca.example.cn/portal", "*")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> PublicOrigin.origin(wrong, "http", "localhost", 8080),
          wrong);
    }
  }

  @Test
  void knowsWhenTheConfiguredOriginIsHttps() {
    String key = cn.cwca.portal.web.downloads.DownloadsServlet.PUBLIC_ORIGIN;
    try {
      System.setProperty(key, "https://ca.example.cn");
      org.junit.jupiter.api.Assertions.assertTrue(PublicOrigin.isConfiguredHttps());
      System.setProperty(key, "http://ca.example.cn");
      org.junit.jupiter.api.Assertions.assertFalse(PublicOrigin.isConfiguredHttps());
      System.setProperty(key, "not an origin");
      org.junit.jupiter.api.Assertions.assertFalse(PublicOrigin.isConfiguredHttps());
    } finally {
      System.clearProperty(key);
    }
  }
}
