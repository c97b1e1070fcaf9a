package cn.cwca.portal.web.downloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The KEY控件 as a user downloads it: the key agent's zip (built by key-agent, bundled into the WAR)
 * with {@value #PROPERTIES_ENTRY} added, naming this portal's origin as the one whose pages the
 * agent answers. Without it the agent refuses the portal's pages.
 */
public final class AgentDownload {

  /** Next to the jar in the zip; the agent reads it first (see key-agent's README). */
  static final String PROPERTIES_ENTRY = "ca-key-agent/agent.properties";

  private AgentDownload() {}

  /**
   * The portal's origin as a browser sends it: the configured one (system property {@value
   * DownloadsServlet#PUBLIC_ORIGIN}) when set, else the request's scheme, host and port.
   *
   * @throws IllegalArgumentException when the configured value is not scheme://host[:port]
   */
  public static String origin(String configured, String scheme, String host, int port) {
    if (configured != null && !configured.isBlank()) {
      return normalise(configured);
    }
    String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return normalise(scheme + "://" + bracketed + ":" + port);
  }

  /**
   * An http(s) origin as browsers serialise it: lower-case scheme and host, no default port, no
   * path (a trailing slash is forgiven).
   */
  static String normalise(String origin) {
    String value = origin.strip();
    if (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not an origin: " + origin, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("Not an http(s) origin: " + origin);
    }
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "An origin is scheme://host[:port], e.g. https://ca.example.cn: " + origin);
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  /** The agent's configuration written into the download (UTF-8, Windows line ends). */
  static String properties(String origin) {
    return "# 本网站（CA 数字证书在线自助办理系统）的地址：只有本网站的页面可以使用KEY控件。请不要删除或修改。\r\n"
        + "# Written by the portal into this download: the origin whose pages may use the agent.\r\n"
        + "allowed-origins="
        + origin
        + "\r\n";
  }

  /**
   * Copies the agent's zip to {@code out} entry by entry, unchanged, and adds {@value
   * #PROPERTIES_ENTRY} with the origin (replacing one the zip might already have). Finishes the zip
   * but leaves {@code out} open.
   */
  static void writeWithOrigin(InputStream agentZip, OutputStream out, String origin)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    try (ZipInputStream in = new ZipInputStream(agentZip, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.getName().equals(PROPERTIES_ENTRY)) {
          continue;
        }
        // A new entry, not a copy of the read one: its sizes and CRC are those of the re-deflated
        // data, which ZipOutputStream computes.
        ZipEntry copy = new ZipEntry(entry.getName());
        if (entry.getLastModifiedTime() != null) {
          copy.setLastModifiedTime(entry.getLastModifiedTime());
        }
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    ZipEntry properties = new ZipEntry(PROPERTIES_ENTRY);
    zip.putNextEntry(properties);
    zip.write(properties(origin).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
  }
}
