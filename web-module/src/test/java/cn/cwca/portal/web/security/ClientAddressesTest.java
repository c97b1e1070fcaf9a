package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  private static final List<ClientAddresses.Network> PROXIES =
      ClientAddresses.networks("10.0.0.5, 192.168.10.0/24,fd00::/8");

  @Test
  void ignoresTheForwardedAddressWhenThePeerIsNoTrustedProxy() {
    assertEquals(
        "198.51.100.9", ClientAddresses.resolve("198.51.100.9", List.of("203.0.113.7"), PROXIES));
  }

  @Test
  void ignoresTheForwardedAddressWhenNoProxyIsConfigured() {
    assertEquals(
        "10.0.0.5",
        ClientAddresses.resolve(
            "10.0.0.5", List.of("203.0.113.7"), ClientAddresses.networks(null)));
  }

  @Test
  void takesTheForwardedAddressFromATrustedProxy() {
    assertEquals(
        "203.0.113.7", ClientAddresses.resolve("10.0.0.5", List.of("203.0.113.7"), PROXIES));
  }

  @Test
  void passesOverTrustedProxiesAndIgnoresWhatTheClientWroteItself() {
    // the client sent "X-Forwarded-For: 1.2.3.4"; the outer proxy 192.168.10.20 appended the
    // client's real address, the inner proxy 10.0.0.5 the outer proxy's
    assertEquals(
        "203.0.113.7",
        ClientAddresses.resolve(
            "10.0.0.5", List.of("1.2.3.4, 203.0.113.7", "192.168.10.20"), PROXIES));
  }

  @Test
  void stopsAtAValueThatIsNoAddress() {
    assertEquals(
        "192.168.10.20",
        ClientAddresses.resolve(
            "10.0.0.5", List.of("203.0.113.7, unknown, 192.168.10.20"), PROXIES));
  }

  @Test
  void readsIpv6AndPortsAsProxiesWriteThem() {
    assertEquals(
        "2001:db8:0:0:0:0:0:7",
        ClientAddresses.resolve("fd00::1", List.of("[2001:db8::7]:4711"), PROXIES));
    assertEquals(
        "203.0.113.7", ClientAddresses.resolve("fd12::9", List.of("203.0.113.7:51234"), PROXIES));
  }

  @Test
  void neverLooksUpANameInTheHeader() {
    assertTrue(cn.cwca.portal.common.IpLiterals.parse("localhost").isEmpty());
    assertTrue(cn.cwca.portal.common.IpLiterals.parse("example.com").isEmpty());
  }

  @Test
  void refusesATrustedProxyListItCannotRead() {
    assertThrows(IllegalArgumentException.class, () -> ClientAddresses.networks("proxy.local"));
    assertThrows(IllegalArgumentException.class, () -> ClientAddresses.networks("10.0.0.0/33"));
  }
}
