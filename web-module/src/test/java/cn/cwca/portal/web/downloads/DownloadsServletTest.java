package cn.cwca.portal.web.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DownloadsServletTest {

  @Test
  void namesTheManualInUtf8ForBrowsersAndInAsciiForOldClients() {
    assertEquals(
        "attachment; filename=\"user-manual.txt\";"
            + " filename*=UTF-8''%E6%93%8D%E4%BD%9C%E6%96%87%E6%A1%A3.txt",
        DownloadsServlet.attachment("user-manual.txt", DownloadsServlet.MANUAL_FILE_NAME));
  }

  @Test
  void encodesEverythingButAttrCharsAsRfc5987Requires() {
    assertEquals("a%20b%27c%25%3B%22.txt", DownloadsServlet.rfc5987("a b'c%;\".txt"));
    assertEquals("ca-key-agent.zip", DownloadsServlet.rfc5987("ca-key-agent.zip"));
  }

  @Test
  void bundlesTheUserManual() throws IOException {
    try (InputStream manual =
        DownloadsServlet.class.getResourceAsStream(DownloadsServlet.MANUAL_RESOURCE)) {
      assertNotNull(manual, DownloadsServlet.MANUAL_RESOURCE);
      String text = new String(manual.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(true, text.contains("6 控件下载"));
    }
  }
}
