package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 目录维护, 资料模板 in headless Chromium: an administrator uploads a new PDF template of the 《经办人授权委托书》
 * with 上传新模板 on its row of the table; the page confirms it and the row shows the file, its uploader
 * and the date, and it is the very file (the same SHA-256) that 下载 serves and that an applicant
 * downloads on step 4 ({@code /applicant/form}). A text file named .pdf is refused with the page's
 * Chinese message and the template served stays the uploaded one. 恢复内置模板, after the confirmation,
 * brings the built-in template back.
 *
 * <p>The 《经办人授权委托书》 is the template no other test reads (DocumentTemplateIT changes the 采集表's and
 * resets them all); each run starts and ends with its built-in template.
 */
class CatalogueTemplatesBrowserIT {

  private static final String TYPE = "POWER_OF_ATTORNEY";

  /** The table's row of the document (rowStyleClass template-<DocumentType>). */
  private static final String ROW = "tr.template-" + TYPE;

  /** Where an applicant downloads the blank template on step 4 (FormServlet). */
  private static final String APPLICANT_TEMPLATE = Browser.PORTAL + "/applicant/form?type=" + TYPE;

  private static final String FILE_NAME = "经办人授权委托书-新版.pdf";

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static byte[] pdfBytes;
  private static Path pdf;
  private static Path notAPdf;

  private Browser applicant;
  private Browser admin;

  @BeforeAll
  static void createFiles() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "catalogue-templates-browser-it"));
    pdfBytes = templatePdf(UUID.randomUUID().toString());
    pdf = Files.write(dir.resolve(FILE_NAME), pdfBytes);
    notAPdf =
        Files.writeString(dir.resolve("委托书-文本.pdf"), "这是一个文本文件，不是PDF。\n", StandardCharsets.UTF_8);
  }

  @BeforeEach
  void builtInTemplateAndBrowsers() throws Exception {
    builtInTemplate();
    applicant = new Browser();
    admin = new Browser();
  }

  @AfterEach
  void closeBrowsersAndRestoreTheBuiltInTemplate() throws Exception {
    try {
      applicant.close();
    } finally {
      try {
        admin.close();
      } finally {
        builtInTemplate();
      }
    }
  }

  @Test
  void anUploadedPdfIsWhatApplicantsDownloadAndAFileThatIsNotAPdfChangesNothing() throws Exception {
    // an applicant downloads the built-in 《经办人授权委托书》 template
    String idNumber = TestIdentities.residentId();
    PortalSteps.registerPerson(
        applicant, "冯模板", TestIdentities.mobile(), idNumber, TestIdentities.PASSWORD);
    PortalSteps.login(applicant, idNumber, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    String builtIn = sha256(applicant.fetchBody(APPLICANT_TEMPLATE));

    // the administrator opens 资料模板 from the start page, through 目录维护's navigation
    PortalSteps.loginAsAdmin(admin);
    admin.click("catalogueLink");
    admin.waitForUrl("/admin/catalogue-prices.xhtml");
    admin.click("catalogueTemplatesLink");
    admin.waitForUrl("/admin/catalogue-templates.xhtml");
    String header = admin.driver().findElement(By.cssSelector("#templates thead")).getText();
    assertTrue(header.contains("上传人") && header.contains("上传时间"), header);
    assertFalse(header.contains("???"), header);
    admin.waitForText(rowId("templateSource"), "内置模板");
    assertEquals(builtIn, sha256(admin.fetchBody(downloadUrl())), "下载 of the built-in template");

    // 上传新模板 on the row of the 《经办人授权委托书》: confirmed, and the row shows the file
    LocalDate dayBefore = LocalDate.now(BEIJING);
    admin.chooseFile(rowId("uploadTemplate_input"), pdf);
    admin.waitForText("messages", "已上传《经办人授权委托书》的新模板");
    admin.waitForText(rowId("templateSource"), "已上传");
    admin.waitForText(rowId("templateFile"), FILE_NAME);
    admin.waitForText(rowId("templateUploadedBy"), "admin");
    String uploadedAt = admin.text(rowId("templateUploadedAt"));
    assertTrue(
        uploadedAt.startsWith(dayBefore.toString())
            || uploadedAt.startsWith(LocalDate.now(BEIJING).toString()),
        "uploaded at " + uploadedAt);

    // it is the file served: by 下载, and to the applicant
    String uploaded = sha256(pdfBytes);
    assertNotEquals(builtIn, uploaded);
    assertEquals(uploaded, sha256(admin.fetchBody(downloadUrl())), "下载 of the uploaded template");
    assertEquals(
        uploaded, sha256(applicant.fetchBody(APPLICANT_TEMPLATE)), "the applicant's template");

    // a text file named .pdf is refused, and the template stays the uploaded one
    admin.chooseFile(rowId("uploadTemplate_input"), notAPdf);
    admin.waitForText("messages", "模板只能是PDF文件，请上传PDF格式的文件");
    admin.waitForText(rowId("templateFile"), FILE_NAME);
    assertEquals(
        uploaded,
        sha256(applicant.fetchBody(APPLICANT_TEMPLATE)),
        "the applicant's template after the refusal");

    // 恢复内置模板, after the confirmation: the applicant gets the built-in template again
    admin.click(rowId("restoreTemplate"));
    admin.waitForPageText("确定恢复吗");
    admin.click("confirmYes");
    admin.waitForText("messages", "已恢复《经办人授权委托书》的内置模板");
    admin.waitForText(rowId("templateSource"), "内置模板");
    assertEquals(
        builtIn, sha256(applicant.fetchBody(APPLICANT_TEMPLATE)), "the applicant's template");
  }

  /**
   * The id of the element of the document's row whose id ends with {@code :name} (the rows' ids are
   * numbered by the table, e.g. templates:2:templateFile).
   */
  private String rowId(String name) {
    String css = ROW + " [id$=':" + name + "']";
    admin.waitUntil(
        "the row of " + TYPE + " has an element " + name,
        "return document.querySelector(arguments[0]) !== null;",
        css);
    return (String) admin.js("return document.querySelector(arguments[0]).id;", css);
  }

  /** The href of the row's 下载 (CatalogueTemplateServlet). */
  private String downloadUrl() {
    return (String)
        admin.js(
            "return document.querySelector(arguments[0]).href;",
            ROW + " a[id$=':downloadTemplate']");
  }

  /** A blank one-page PDF whose title makes it unlike any other template. */
  private static byte[] templatePdf(String marker) throws IOException {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage(PDRectangle.A4));
      document.getDocumentInformation().setTitle("经办人授权委托书 " + marker);
      document.save(out);
      return out.toByteArray();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The built-in template of the document again: its uploaded rows retired, as 恢复内置模板 does. */
  private static void builtInTemplate() throws SQLException {
    try (Connection c = PortalSteps.database.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE document_template SET retired_at = now() AT TIME ZONE 'UTC',"
              + " retired_by = 'it-cleanup', version = version + 1"
              + " WHERE document_type = '"
              + TYPE
              + "' AND retired_at IS NULL");
    }
  }
}
