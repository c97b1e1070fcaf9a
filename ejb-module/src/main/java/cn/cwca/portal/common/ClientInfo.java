package cn.cwca.portal.common;

import java.io.Serializable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Where a request came from, passed by the backing beans to the services for the audit trail and
 * for throttling.
 *
 * @param remoteAddress the client's IP address as the web tier determined it (behind a trusted
 *     reverse proxy, the address it forwarded)
 */
public record ClientInfo(String remoteAddress) implements Serializable {

  /** A request the system makes itself (start-up, scheduled work, tests). */
  public static ClientInfo system() {
    return new ClientInfo("system");
  }

  /**
   * The address that limits per address count against: an IPv4 address as it is, an IPv6 address by
   * its /64 network (for example {@code 2001:db8:0:1::/64}), since one subscriber is usually given
   * a whole /64 and could otherwise take a fresh address for every try.
   */
  public String throttlingKey() {
    if (remoteAddress == null || !remoteAddress.contains(":")) {
      return remoteAddress;
    }
    Optional<InetAddress> parsed = IpLiterals.parse(remoteAddress);
    if (parsed.isEmpty()) {
      return remoteAddress;
    }
    InetAddress address = parsed.get();
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress(); // an IPv4-mapped address
    }
    byte[] bytes = address.getAddress();
    StringBuilder network = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
      network.append(':');
    }
    return network.append(":/64").toString();
  }
}
