package cn.cwca.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which templates administrators may replace, and how a template reads in the audit trail. */
class DocumentTemplateRulesTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void everyTemplateButTheFilledInApplicationFormIsReplaceable() {
    List<DocumentType> replaceable =
        Arrays.stream(DocumentType.values()).filter(DocumentType::hasReplaceableTemplate).toList();

    assertEquals(
        List.of(
            DocumentType.SERVICE_AGREEMENT, DocumentType.SEAL_FORM, DocumentType.POWER_OF_ATTORNEY),
        replaceable);
    assertTrue(DocumentType.APPLICATION_FORM.hasTemplate());
    assertFalse(DocumentType.APPLICATION_FORM.hasReplaceableTemplate());
  }

  @Test
  void aDocumentWithoutTemplateHasNoReplaceableOne() {
    assertFalse(DocumentType.BUSINESS_LICENCE.hasReplaceableTemplate());
    assertFalse(DocumentType.AGENT_ID_COPY.hasReplaceableTemplate());
  }

  @Test
  void theBuiltInTemplateIsAuditedAsBuiltInWithItsHash() {
    TemplateInfo builtIn =
        new TemplateInfo(DocumentType.SEAL_FORM, null, "公共资源电子签章采集表.pdf", 2048, SHA, null, null);

    assertTrue(builtIn.builtIn());
    assertEquals("built-in \"公共资源电子签章采集表.pdf\" sha256 " + SHA, builtIn.describe());
  }

  @Test
  void anUploadedTemplateIsAuditedWithItsFileNameAndHash() {
    TemplateInfo uploaded =
        new TemplateInfo(
            DocumentType.SEAL_FORM,
            51L,
            "采集表2027.pdf",
            2049,
            SHA,
            "admin",
            LocalDateTime.of(2026, 12, 3, 8, 0));

    assertFalse(uploaded.builtIn());
    assertEquals("\"采集表2027.pdf\" sha256 " + SHA, uploaded.describe());
  }

  @Test
  void theSizeIsShownInWholeKilobytesRoundedUp() {
    assertEquals(2, info(2048).sizeKb());
    assertEquals(3, info(2049).sizeKb());
    assertEquals(1, info(1).sizeKb());
  }

  private static TemplateInfo info(long size) {
    return new TemplateInfo(DocumentType.SEAL_FORM, 1L, "t.pdf", size, SHA, "admin", null);
  }
}
