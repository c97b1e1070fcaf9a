package cn.cwca.portal.web.downloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
