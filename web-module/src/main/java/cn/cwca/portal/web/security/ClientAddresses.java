package cn.cwca.portal.web.security;

import cn.cwca.portal.common.IpLiterals;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client's address as the audit trail and the limits per address want it. Payara sees the peer
 * of the connection; behind a reverse proxy that is the proxy. The address the proxy forwards in
 * {@code X-Forwarded-For} counts only when the peer is one of the trusted proxies named in the
 * system property {@value #TRUSTED_PROXIES} (addresses or networks, comma-separated, for example
 * {@code 10.0.0.5,192.168.10.0/24,fd00::/8}); anyone else can write that header.
 *
 * <p>The header is read from the right, the hop nearest to this server, passing over trusted
 * proxies: the first address that is not one is the client. A value that is not an IP address ends
 * the walk at the proxy that forwarded it.
 */
public final class ClientAddresses {

  /** System property naming the trusted reverse proxies. */
  public static final String TRUSTED_PROXIES = "portal.trustedProxies";

  private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());

  private ClientAddresses() {}

  /** The client's address for this request. */
  public static String of(HttpServletRequest request) {
    List<String> forwarded =
        request.getHeaders("X-Forwarded-For") == null
            ? List.of()
            : Collections.list(request.getHeaders("X-Forwarded-For"));
    return resolve(request.getRemoteAddr(), forwarded, trustedProxies());
  }

  private static List<Network> trustedProxies() {
    try {
      return networks(System.getProperty(TRUSTED_PROXIES));
    } catch (IllegalArgumentException misconfigured) {
      LOG.log(Level.WARNING, "{0}; no proxy is trusted", misconfigured.getMessage());
      return List.of();
    }
  }

  /**
   * The client's address.
   *
   * @param peer the connection's peer address
   * @param forwardedFor the values of the {@code X-Forwarded-For} headers, in order
   * @param trusted the trusted proxies' networks
   */
  static String resolve(String peer, List<String> forwardedFor, List<Network> trusted) {
    if (!isTrusted(peer, trusted)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
      if (hop.isEmpty()) {
        return client;
      }
      client = hop.get().getHostAddress();
      if (!isTrusted(client, trusted)) {
        return client;
      }
    }
    return client;
  }

  private static boolean isTrusted(String address, List<Network> trusted) {
    Optional<InetAddress> parsed = IpLiterals.parse(address);
    return parsed.isPresent() && trusted.stream().anyMatch(n -> n.contains(parsed.get()));
  }

  /**
   * The networks of a comma-separated list of addresses and networks in CIDR notation.
   *
   * @throws IllegalArgumentException naming the first entry that is neither
   */
  static List<Network> networks(String list) {
    List<Network> networks = new ArrayList<>();
    if (list == null) {
      return networks;
    }
    for (String entry : list.split(",")) {
      if (!entry.isBlank()) {
        networks.add(Network.parse(entry.strip()));
      }
    }
    return networks;
  }

  /** An address with a prefix length: {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code ::1}. */
  record Network(byte[] address, int prefixLength) {

    static Network parse(String cidr) {
      int slash = cidr.indexOf('/');
      String host = slash < 0 ? cidr : cidr.substring(0, slash);
      InetAddress address =
          IpLiterals.parse(host)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          TRUSTED_PROXIES + ": not an address or a network: " + cidr));
      int bits = address.getAddress().length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(TRUSTED_PROXIES + ": not a prefix length: " + cidr, e);
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(TRUSTED_PROXIES + ": not a prefix length: " + cidr);
      }
      return new Network(address.getAddress(), prefix);
    }

    boolean contains(InetAddress candidate) {
      byte[] other = candidate.getAddress();
      if (other.length != address.length) {
        return false;
      }
      int full = prefixLength / 8;
      for (int i = 0; i < full; i++) {
        if (other[i] != address[i]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (other[full] & mask) == (address[full] & mask);
    }
  }
}
