package cn.cwca.portal.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP addresses written as literals, read without ever looking up a name. */
public final class IpLiterals {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 =
      Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?");

  private IpLiterals() {}

  /**
   * The address a literal names: IPv4, IPv6 (bracketed or not, with a zone), or an IPv4 address
   * with a port (as some proxies forward it); empty for anything else, a host name included.
   */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.startsWith("[") && value.contains("]")) {
      value = value.substring(1, value.indexOf(']'));
    } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      value = value.substring(0, value.indexOf(':')); // 203.0.113.7:51234
    }
    if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(value)); // a literal: nothing is looked up
    } catch (UnknownHostException notAnAddress) {
      return Optional.empty();
    }
  }
}
