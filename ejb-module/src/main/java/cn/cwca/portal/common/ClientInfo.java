package cn.cwca.portal.common;

import java.io.Serializable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a request came from, passed by the backing beans to the services for the audit trail and
 * for throttling.
 *
 * @param remoteAddress the client's IP address as the web tier determined it (behind a trusted
 *     reverse proxy, the address it forwarded)
 */
public record ClientInfo(String remoteAddress) implements Serializable {

  /** The characters of an IPv6 literal (with an embedded IPv4 part or a zone). */
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]+)?");

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
    String literal =
        remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
            ? remoteAddress.substring(1, remoteAddress.length() - 1)
            : remoteAddress;
    if (!IPV6_LITERAL.matcher(literal).matches()) {
      return remoteAddress;
    }
    InetAddress address;
    try {
      // a literal (checked above), so no name is looked up
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException notAnAddress) {
      return remoteAddress;
    }
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
