package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.document.DocumentUploadPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MultipartRequestFilterTest {

  private static final String MULTIPART = "multipart/form-data; boundary=----x";
  private static final long TEN_MB = 10L * 1024 * 1024;

  @AfterEach
  void forgetTheLimit() {
    System.clearProperty(DocumentUploadPolicy.MAX_BYTES_PROPERTY);
  }

  @Test
  void publicPagesAcceptNoMultipart() {
    for (String page : new String[] {"/login.xhtml", "/register.xhtml", "/forgot-password.xhtml"}) {
      assertEquals(415, MultipartRequestFilter.refusal(page, MULTIPART, 1000), page);
    }
  }

  @Test
  void pagesThatUploadNothingAcceptNoMultipart() {
    assertEquals(415, MultipartRequestFilter.refusal("/applicant/profile.xhtml", MULTIPART, 1000));
  }

  @Test
  void theWizardAcceptsADocumentUpToThePolicysLimit() {
    assertEquals(
        0,
        MultipartRequestFilter.refusal(
            "/applicant/apply.xhtml", MULTIPART, TEN_MB + MultipartRequestFilter.FORM_OVERHEAD));
    assertEquals(
        413,
        MultipartRequestFilter.refusal(
            "/applicant/apply.xhtml",
            MULTIPART,
            TEN_MB + MultipartRequestFilter.FORM_OVERHEAD + 1));
  }

  @Test
  void theLimitFollowsTheConfiguredDocumentPolicy() {
    System.setProperty(DocumentUploadPolicy.MAX_BYTES_PROPERTY, "1048576");
    assertEquals(
        413, MultipartRequestFilter.refusal("/applicant/resubmit.xhtml", MULTIPART, 2 * 1048576));
  }

  @Test
  void theInvoiceFileHasItsOwnLimit() {
    assertEquals(413, MultipartRequestFilter.refusal("/finance/invoices.xhtml", MULTIPART, TEN_MB));
    assertEquals(0, MultipartRequestFilter.refusal("/finance/invoices.xhtml", MULTIPART, 100_000));
  }

  @Test
  void theTemplatesPageTakesATemplateWithinTheDocumentLimit() {
    assertEquals(
        0, MultipartRequestFilter.refusal("/admin/catalogue-templates.xhtml", MULTIPART, 100_000));
    assertEquals(
        413,
        MultipartRequestFilter.refusal(
            "/admin/catalogue-templates.xhtml",
            MULTIPART,
            TEN_MB + MultipartRequestFilter.FORM_OVERHEAD + 1));
  }

  @Test
  void anUploadWithoutADeclaredLengthIsRefused() {
    assertEquals(411, MultipartRequestFilter.refusal("/applicant/apply.xhtml", MULTIPART, -1));
  }

  @Test
  void otherRequestsGoOn() {
    assertEquals(
        0,
        MultipartRequestFilter.refusal(
            "/login.xhtml", "application/x-www-form-urlencoded; charset=UTF-8", 500));
    assertEquals(0, MultipartRequestFilter.refusal("/login.xhtml", null, -1));
  }
}
