package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.web.PrivateDownloads;
import cn.cwca.portal.web.applicant.FormServlet.FormRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormServletTest {

  @Test
  void aTypeWithTemplateGivesItsBlankTemplate() {
    assertEquals(
        Optional.of(new FormRequest(DocumentType.SEAL_FORM, null)),
        FormServlet.parse("SEAL_FORM", null));
    assertEquals(
        Optional.of(new FormRequest(DocumentType.APPLICATION_FORM, null)),
        FormServlet.parse("APPLICATION_FORM", " "));
  }

  @Test
  void theApplicationFormWithAnIdIsFilledIn() {
    assertEquals(
        Optional.of(new FormRequest(DocumentType.APPLICATION_FORM, "ABCDEFGHJKMNPQ27")),
        FormServlet.parse("APPLICATION_FORM", " abcdefghjkmnpq27 "));
  }

  @Test
  void unknownTypesAndDocumentsWithoutTemplateAreNotFound() {
    assertTrue(FormServlet.parse(null, null).isEmpty());
    assertTrue(FormServlet.parse("seal_form", null).isEmpty());
    assertTrue(FormServlet.parse("BUSINESS_LICENCE", null).isEmpty());
    assertTrue(FormServlet.parse("AGENT_ID_COPY", null).isEmpty());
  }

  @Test
  void onlyTheApplicationFormIsFilledIn() {
    assertTrue(FormServlet.parse("SERVICE_AGREEMENT", "ABCDEFGHJKMNPQ27").isEmpty());
  }

  @Test
  void theDownloadIsAnAttachmentNamedInChinese() {
    FormRequest request = FormServlet.parse("APPLICATION_FORM", "ABCDEFGHJKMNPQ27").orElseThrow();
    assertEquals("数字证书申请单-ABCDEFGHJKMNPQ27.pdf", request.fileName());
    String disposition = PrivateDownloads.disposition(true, request.fileName());
    assertTrue(disposition.startsWith("attachment; "), disposition);
    assertTrue(
        disposition.endsWith(
            "UTF-8''%E6%95%B0%E5%AD%97%E8%AF%81%E4%B9%A6%E7%94%B3%E8%AF%B7%E5%8D%95"
                + "-ABCDEFGHJKMNPQ27.pdf"),
        disposition);
    assertEquals(
        "经办人授权委托书.pdf", FormServlet.parse("POWER_OF_ATTORNEY", null).orElseThrow().fileName());
  }
}
