package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import org.junit.jupiter.api.Test;

class DocumentServletTest {

  @Test
  void unknownDocumentTypesAreNotFound() {
    assertEquals(DocumentType.SEAL_FORM, DocumentServlet.documentType("SEAL_FORM").orElseThrow());
    assertTrue(DocumentServlet.documentType("seal_form").isEmpty());
    assertTrue(DocumentServlet.documentType(null).isEmpty());
  }
}
