package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrivateDownloadsTest {

  @Test
  void previewIsInlineWithTheChineseFileNameEncoded() {
    assertEquals(
        "inline; filename=\"___.pdf\"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E5%8D%95.pdf",
        PrivateDownloads.disposition(false, "申请单.pdf"));
  }

  @Test
  void downloadIsAnAttachment() {
    assertTrue(PrivateDownloads.disposition(true, "a b.png").startsWith("attachment; "));
    assertTrue(PrivateDownloads.disposition(true, "a b.png").endsWith("a%20b.png"));
  }

  @Test
  void aFileWithoutNameIsADocument() {
    assertTrue(PrivateDownloads.disposition(true, " ").contains("filename=\"document\""));
  }
}
