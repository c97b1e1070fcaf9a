package cn.cwca.portal.web.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.DocumentContent;
import jakarta.servlet.annotation.ServletSecurity;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The reviewers' document servlets: what they accept, what they show inline, who may call them. */
class DocumentServletsTest {

  @Test
  void aPageNumberIsOneToTheLastPageShown() {
    assertEquals(OptionalInt.of(1), DocumentPageServlet.page("1", 10));
    assertEquals(OptionalInt.of(10), DocumentPageServlet.page("10", 10));
    assertTrue(DocumentPageServlet.page("0", 10).isEmpty());
    assertTrue(DocumentPageServlet.page("11", 10).isEmpty());
    assertTrue(DocumentPageServlet.page("-1", 10).isEmpty());
    assertTrue(DocumentPageServlet.page("1 OR 1=1", 10).isEmpty());
    assertTrue(DocumentPageServlet.page("99999999999", 10).isEmpty());
    assertTrue(DocumentPageServlet.page(null, 10).isEmpty());
  }

  @Test
  void onlyAnImageIsShownInlineAndNeverWhenDownloaded() {
    DocumentContent png =
        DocumentContent.of(DocumentType.AGENT_ID_COPY, "id.png", "image/png", new byte[] {1});
    DocumentContent pdf =
        DocumentContent.of(
            DocumentType.APPLICATION_FORM, "f.pdf", "application/pdf", new byte[] {1});
    assertTrue(ReviewDocumentServlet.inline(png, false));
    assertFalse(ReviewDocumentServlet.inline(png, true));
    assertFalse(ReviewDocumentServlet.inline(pdf, false), "a PDF is never active content here");
    assertFalse(ReviewDocumentServlet.inline(pdf, true));
  }

  @Test
  void unknownDocumentTypesAreNotFound() {
    assertEquals(
        DocumentType.SEAL_FORM, ReviewDocumentServlet.documentType("SEAL_FORM").orElseThrow());
    assertTrue(ReviewDocumentServlet.documentType("seal_form").isEmpty());
    assertTrue(ReviewDocumentServlet.documentType(null).isEmpty());
  }

  @Test
  void bothServeTheReviewersOnly() {
    for (Class<?> servlet :
        new Class<?>[] {ReviewDocumentServlet.class, DocumentPageServlet.class}) {
      ServletSecurity security = servlet.getAnnotation(ServletSecurity.class);
      assertTrue(
          security != null
              && Arrays.equals(new String[] {"REVIEWER"}, security.value().rolesAllowed()),
          servlet.getSimpleName());
    }
  }
}
