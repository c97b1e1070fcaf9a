package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import org.junit.jupiter.api.Test;

class DocumentServletTest {

  @Test
  void previewIsInlineWithTheChineseFileNameEncoded() {
    assertEquals(
        "inline; filename=\"___.pdf\"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E5%8D%95.pdf",
        DocumentServlet.disposition(false, "申请单.pdf"));
  }

  @Test
  void downloadIsAnAttachment() {
    assertTrue(DocumentServlet.disposition(true, "a b.png").startsWith("attachment; "));
    assertTrue(DocumentServlet.disposition(true, "a b.png").endsWith("a%20b.png"));
  }

  @Test
  void unknownDocumentTypesAreNotFound() {
    assertEquals(DocumentType.SEAL_FORM, DocumentServlet.documentType("SEAL_FORM").orElseThrow());
    assertTrue(DocumentServlet.documentType("seal_form").isEmpty());
    assertTrue(DocumentServlet.documentType(null).isEmpty());
  }
}
