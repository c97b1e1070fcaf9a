package cn.cwca.portal.web.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadsServletTest {

  @Test
  void namesTheManualInUtf8ForBrowsersAndInAsciiForOldClients() {
    assertEquals(
        "attachment; filename=\"operation-manual.pdf\";"
            + " filename*=UTF-8''%E6%93%8D%E4%BD%9C%E6%96%87%E6%A1%A3.pdf",
        DownloadsServlet.attachment("operation-manual.pdf", DownloadsServlet.MANUAL_FILE_NAME));
  }

  @Test
  void encodesEverythingButAttrCharsAsRfc5987Requires() {
    assertEquals("a%20b%27c%25%3B%22.txt", DownloadsServlet.rfc5987("a b'c%;\".txt"));
    assertEquals("ca-key-agent.zip", DownloadsServlet.rfc5987("ca-key-agent.zip"));
  }
}
