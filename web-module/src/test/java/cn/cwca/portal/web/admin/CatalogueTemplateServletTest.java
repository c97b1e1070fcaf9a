package cn.cwca.portal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogueTemplateServletTest {

  @Test
  void aDocumentWithReplaceableTemplateIsServed() {
    assertEquals(
        Optional.of(DocumentType.SERVICE_AGREEMENT),
        CatalogueTemplateServlet.replaceableType("SERVICE_AGREEMENT"));
    assertEquals(
        Optional.of(DocumentType.POWER_OF_ATTORNEY),
        CatalogueTemplateServlet.replaceableType("POWER_OF_ATTORNEY"));
  }

  @Test
  void theApplicationFormUnknownTypesAndDocumentsWithoutTemplateAreNotFound() {
    assertTrue(CatalogueTemplateServlet.replaceableType(null).isEmpty());
    assertTrue(CatalogueTemplateServlet.replaceableType("seal_form").isEmpty());
    assertTrue(CatalogueTemplateServlet.replaceableType("APPLICATION_FORM").isEmpty());
    assertTrue(CatalogueTemplateServlet.replaceableType("BUSINESS_LICENCE").isEmpty());
  }
}
