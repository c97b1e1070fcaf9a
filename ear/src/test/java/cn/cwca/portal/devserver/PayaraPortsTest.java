package cn.cwca.portal.devserver;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayaraPortsTest {

  @Test
  void aPortAnotherProgramHoldsStopsTheStartWithItsNumber() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = other.getLocalPort();
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () -> PayaraDomain.awaitPortsFree(List.of(port), Duration.ZERO));
      assertTrue(refused.getMessage().contains("[" + port + "]"), refused.getMessage());
    }
  }

  @Test
  void freePortsLetTheDomainStart() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    int free = port;
    assertDoesNotThrow(() -> PayaraDomain.awaitPortsFree(List.of(free), Duration.ZERO));
  }

  @Test
  void theLogTailNamesSevereRecordsWrittenLongBefore() {
    List<String> log =
        List.of(
            "[2026-12-07T17:01:20.000+0000] [Payara 6.2025.10] [SEVERE] [] [grizzly] [[",
            "  java.net.BindException: Address already in use]]",
            "",
            "[2026-12-07T17:01:21.000+0000] [Payara 6.2025.10] [INFO] [] [core] [[",
            "  ca-portal was successfully deployed]]");
    List<String> severe = DevServer.severeRecords(log);
    assertEquals(1, severe.size());
    assertTrue(severe.get(0).contains("Address already in use"), severe.get(0));
  }
}
