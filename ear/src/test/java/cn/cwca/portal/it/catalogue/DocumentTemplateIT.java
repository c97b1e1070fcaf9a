package cn.cwca.portal.it.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.ApplicationFormService;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.DocumentTemplateService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.TemplateInfo;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.document.forms.BuiltInTemplates;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.it.application.SampleDocuments;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 资料模板 in the container with PostgreSQL: an uploaded PDF replaces a built-in template for the
 * applicants, 恢复内置模板 brings the built-in one back and keeps the uploaded row, a file that is not a
 * PDF is refused with a Chinese message and changes nothing, every change is audited with the file
 * name and SHA-256 before and after, and only administrators see or change the templates. Runs as
 * {@link TemplateCallers#ADMIN} unless it switches. Each test starts and ends with the built-in
 * templates (the uploaded rows retired, as 恢复内置模板 does).
 */
@ExtendWith(ArquillianExtension.class)
class DocumentTemplateIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.93");

  private static final DocumentType TYPE = DocumentType.SEAL_FORM;

  private static final String TARGET = "catalogue:template:" + TYPE.name();

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        DocumentTemplateIT.class,
        TemplateCallers.class,
        SwitchingCallers.class,
        SampleDocuments.class);
  }

  @EJB DocumentTemplateService templates;
  @EJB ApplicationFormService forms;
  @EJB AuditLog audit;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /** The built-in templates again: what these tests (or an interrupted run of them) uploaded. */
  @BeforeEach
  @AfterEach
  void builtInTemplates() throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE document_template SET retired_at = now() AT TIME ZONE 'UTC',"
              + " retired_by = 'it-cleanup', version = version + 1 WHERE retired_at IS NULL");
    }
  }

  @Test
  void anUploadedPdfReplacesTheBuiltInTemplateForTheApplicants() throws Exception {
    TemplateInfo builtIn = current(TYPE);
    assertTrue(builtIn.builtIn());

    TemplateInfo uploaded =
        templates.upload(TYPE, DocumentUpload.of("采集表2027.pdf", SampleDocuments.PDF), CLIENT);

    assertFalse(uploaded.builtIn());
    assertEquals("采集表2027.pdf", uploaded.fileName());
    assertEquals(SampleDocuments.PDF.length, uploaded.size());
    assertEquals(sha256(SampleDocuments.PDF), uploaded.sha256());
    assertEquals(TemplateCallers.ADMIN, uploaded.uploadedBy());
    assertEquals(uploaded.id(), current(TYPE).id());
    assertArrayEquals(SampleDocuments.PDF, templates.download(TYPE).content());
    as(TemplateCallers.APPLICANT);
    assertArrayEquals(SampleDocuments.PDF, forms.template(TYPE));
    assertArrayEquals(
        BuiltInTemplates.of(DocumentType.SERVICE_AGREEMENT),
        forms.template(DocumentType.SERVICE_AGREEMENT),
        "the other documents keep their built-in templates");
    assertArrayEquals(
        BuiltInTemplates.of(DocumentType.APPLICATION_FORM),
        forms.template(DocumentType.APPLICATION_FORM));

    AuditEntry entry = newest("catalogue.templateUploaded");
    assertEquals(TemplateCallers.ADMIN, entry.getActor());
    assertEquals(
        "built-in \""
            + builtIn.fileName()
            + "\" sha256 "
            + builtIn.sha256()
            + " -> \"采集表2027.pdf\" sha256 "
            + uploaded.sha256(),
        entry.getDetails());
  }

  @Test
  void aSecondUploadRetiresTheFirstAndIsAuditedAgainstIt() throws Exception {
    TemplateInfo first =
        templates.upload(TYPE, DocumentUpload.of("first.pdf", SampleDocuments.PDF), CLIENT);
    byte[] second = secondPdf();

    TemplateInfo replaced = templates.upload(TYPE, DocumentUpload.of("second.pdf", second), CLIENT);

    assertEquals(replaced.id(), current(TYPE).id());
    assertEquals(1, currentRows(TYPE));
    assertEquals(2, rowsSince(first.id()), "nothing is deleted");
    as(TemplateCallers.APPLICANT);
    assertArrayEquals(second, forms.template(TYPE));
    assertEquals(
        "\"first.pdf\" sha256 " + first.sha256() + " -> \"second.pdf\" sha256 " + sha256(second),
        newest("catalogue.templateUploaded").getDetails());
  }

  @Test
  void restoringBringsBackTheBuiltInTemplateAndKeepsTheUploadedRow() throws Exception {
    TemplateInfo uploaded =
        templates.upload(TYPE, DocumentUpload.of("采集表.pdf", SampleDocuments.PDF), CLIENT);

    TemplateInfo restored = templates.restoreBuiltIn(TYPE, uploaded.id(), CLIENT);

    assertTrue(restored.builtIn());
    assertNull(current(TYPE).id());
    assertEquals(0, currentRows(TYPE));
    assertEquals(1, rowsSince(uploaded.id()), "the uploaded row is kept, retired");
    assertArrayEquals(BuiltInTemplates.of(TYPE), templates.download(TYPE).content());
    as(TemplateCallers.APPLICANT);
    assertArrayEquals(BuiltInTemplates.of(TYPE), forms.template(TYPE));
    AuditEntry entry = newest("catalogue.templateRestored");
    assertEquals(
        "\"采集表.pdf\" sha256 "
            + uploaded.sha256()
            + " -> "
            + "built-in \""
            + restored.fileName()
            + "\" sha256 "
            + restored.sha256(),
        entry.getDetails());
  }

  @Test
  void restoringATemplateReplacedInTheMeantimeIsRefused() {
    TemplateInfo shown =
        templates.upload(TYPE, DocumentUpload.of("shown.pdf", SampleDocuments.PDF), CLIENT);
    TemplateInfo newer =
        templates.upload(TYPE, DocumentUpload.of("newer.pdf", SampleDocuments.PDF), CLIENT);

    BusinessException refused =
        assertThrows(
            BusinessException.class, () -> templates.restoreBuiltIn(TYPE, shown.id(), CLIENT));

    assertEquals("catalogue.concurrentEdit", refused.messageKey());
    assertEquals(newer.id(), current(TYPE).id());
  }

  @Test
  void aFileThatIsNotAPdfIsRefusedInChineseAndChangesNothing() {
    long audited = audit.forTarget(TARGET).size();

    for (DocumentUpload notPdf :
        List.of(
            DocumentUpload.of("image.pdf", SampleDocuments.PNG),
            DocumentUpload.of("text.pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)))) {
      BusinessException refused =
          assertThrows(BusinessException.class, () -> templates.upload(TYPE, notPdf, CLIENT));

      assertEquals("catalogue.template.notPdf", refused.messageKey(), notPdf.fileName());
      String text = Messages.format(refused.messageKey(), refused.args());
      assertTrue(text.contains("PDF") && text.contains("模板"), text);
    }

    assertTrue(current(TYPE).builtIn());
    assertEquals(0, currentRows(TYPE));
    assertEquals(audited, audit.forTarget(TARGET).size(), "nothing audited");
  }

  @Test
  void theApplicationFormCannotBeReplaced() {
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () ->
                templates.upload(
                    DocumentType.APPLICATION_FORM,
                    DocumentUpload.of("form.pdf", SampleDocuments.PDF),
                    CLIENT));

    assertEquals("catalogue.template.notReplaceable", refused.messageKey());
    assertTrue(
        templates.templates().stream().noneMatch(t -> t.type() == DocumentType.APPLICATION_FORM));
  }

  @Test
  void onlyAdministratorsSeeAndChangeTheTemplates() {
    for (String caller : List.of(TemplateCallers.REVIEWER, TemplateCallers.APPLICANT)) {
      as(caller);
      assertThrows(EJBAccessException.class, () -> templates.templates(), caller);
      assertThrows(EJBAccessException.class, () -> templates.download(TYPE), caller);
      assertThrows(
          EJBAccessException.class,
          () -> templates.upload(TYPE, DocumentUpload.of("x.pdf", SampleDocuments.PDF), CLIENT),
          caller);
      assertThrows(
          EJBAccessException.class, () -> templates.restoreBuiltIn(TYPE, null, CLIENT), caller);
    }
    as(TemplateCallers.REVIEWER);
    assertThrows(EJBAccessException.class, () -> templates.served(TYPE));
    as(TemplateCallers.ADMIN);
    assertTrue(current(TYPE).builtIn());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private TemplateInfo current(DocumentType type) {
    return templates.templates().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
  }

  private int currentRows(DocumentType type) {
    return count(
        "SELECT count(*) FROM document_template WHERE retired_at IS NULL AND document_type = '"
            + type.name()
            + "'");
  }

  /** The rows of the document type from this one on, retired or not (ids only grow). */
  private int rowsSince(long id) {
    return count(
        "SELECT count(*) FROM document_template WHERE id >= "
            + id
            + " AND document_type = '"
            + TYPE.name()
            + "'");
  }

  private int count(String sql) {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The newest entry of the action about the template (the trail is newest first). */
  private AuditEntry newest(String action) {
    List<AuditEntry> entries = audit.forTarget(TARGET);
    return entries.stream()
        .filter(e -> e.getAction().equals(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " in " + entries.size()));
  }

  /** The sample PDF with another trailing comment: another file that opens as the same PDF. */
  private static byte[] secondPdf() {
    byte[] comment = "% second\n".getBytes(StandardCharsets.US_ASCII);
    byte[] pdf = new byte[SampleDocuments.PDF.length + comment.length];
    System.arraycopy(SampleDocuments.PDF, 0, pdf, 0, SampleDocuments.PDF.length);
    System.arraycopy(comment, 0, pdf, SampleDocuments.PDF.length, comment.length);
    return pdf;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        SwitchingCallers.switchTo(security, request, caller),
        "authenticated as " + caller);
  }
}
