package cn.cwca.portal.web.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyAgentSettingsTest {

  @Test
  void leavesThePortsToTheClientWhenNoneAreConfigured() {
    assertEquals("", KeyAgentSettings.ports(null));
    assertEquals("", KeyAgentSettings.ports("  "));
  }

  @Test
  void cleansTheConfiguredPorts() {
    assertEquals("17650,17643", KeyAgentSettings.ports(" 17650, 17643 ,17650"));
    assertEquals("17643,17644", KeyAgentSettings.ports("17643 17644"));
  }

  @Test
  void fallsBackToTheDefaultsWhenSomethingIsNotAPort() {
    assertEquals("", KeyAgentSettings.ports("17643,http"));
    assertEquals("", KeyAgentSettings.ports("0"));
    assertEquals("", KeyAgentSettings.ports("65536"));
  }
}
