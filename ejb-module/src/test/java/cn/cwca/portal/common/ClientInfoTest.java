package cn.cwca.portal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientInfoTest {

  @Test
  void throttlesAnIpv4AddressByItself() {
    assertEquals("203.0.113.7", new ClientInfo("203.0.113.7").throttlingKey());
  }

  @Test
  void throttlesTheAddressesOfOneIpv6NetworkTogether() {
    String one = new ClientInfo("2001:db8:0:1::17").throttlingKey();
    String other = new ClientInfo("2001:db8:0:1:aaaa:bbbb:cccc:dddd").throttlingKey();
    assertEquals("2001:db8:0:1::/64", one);
    assertEquals(one, other);
    assertEquals(one, new ClientInfo("[2001:DB8:0:1::5]").throttlingKey());
  }

  @Test
  void throttlesNeighbouringIpv6NetworksApart() {
    assertNotEquals(
        new ClientInfo("2001:db8:0:1::1").throttlingKey(),
        new ClientInfo("2001:db8:0:2::1").throttlingKey());
  }

  @Test
  void throttlesAnIpv4MappedAddressAsTheIpv4Address() {
    assertEquals("203.0.113.7", new ClientInfo("::ffff:203.0.113.7").throttlingKey());
  }

  @Test
  void keepsWhatIsNotAnAddress() {
    assertEquals("system", ClientInfo.system().throttlingKey());
    assertEquals("not:an:addr:ess:x", new ClientInfo("not:an:addr:ess:x").throttlingKey());
  }
}
