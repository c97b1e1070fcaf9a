package cn.cwca.portal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.audit.AuditFilter;
import cn.cwca.portal.audit.AuditVerdict;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The audit page's texts, its filter of Beijing days, and its CSV. */
class AuditPageTest {

  private static Properties labels() throws IOException {
    Properties labels = new Properties();
    try (Reader in =
        new InputStreamReader(
            AuditPageTest.class.getResourceAsStream("/cn/cwca/portal/web/labels.properties"),
            StandardCharsets.UTF_8)) {
      labels.load(in);
    }
    return labels;
  }

  @Test
  void everyVerdictIsSaidInChineseWithItsNumber() throws IOException {
    Properties labels = labels();
    AuditVerdict intact = new AuditVerdict(null, 0, 1234, 0, 3, 1200, null);
    assertEquals(
        "审计记录完整，共 1,234 条",
        MessageFormat.format(labels.getProperty(AuditBacking.verdictKey(intact)), 1234L));
    for (AuditVerdict.Problem problem : AuditVerdict.Problem.values()) {
      String text =
          labels.getProperty(
              AuditBacking.verdictKey(new AuditVerdict(problem, 17, 16, 0, 0, 0, null)));
      assertTrue(text != null && text.contains("第 {0} 条"), problem + ": " + text);
    }
    assertEquals(
        "第 17 条记录被修改", MessageFormat.format(labels.getProperty("audit.verify.CHANGED"), 17L));
  }

  @Test
  void aStalledChainingIsAWarningInChineseWithTheNumberOfEntries() throws IOException {
    Properties messages = new Properties();
    try (Reader in =
        new InputStreamReader(
            AuditPageTest.class.getResourceAsStream("/cn/cwca/portal/messages.properties"),
            StandardCharsets.UTF_8)) {
      messages.load(in);
    }
    String warning = MessageFormat.format(messages.getProperty(AuditBacking.CHAINING_STALLED), 3L);
    assertTrue(warning.startsWith("有 3 条审计记录"), warning);
    assertTrue(warning.contains("60秒"), warning);
    AuditVerdict stalled = new AuditVerdict(null, 0, 10, 3, 0, 0, null, 3);
    assertTrue(stalled.chainingStalled());
    assertTrue(!new AuditVerdict(null, 0, 10, 3, 0, 0, null).chainingStalled());
  }

  @Test
  void theDaysOfTheFilterAreBeijingDays() {
    AuditFilter filter =
        AuditBacking.filter(
            "admin", null, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
    assertEquals(LocalDateTime.of(2026, 2, 28, 16, 0), filter.getFrom());
    assertEquals(LocalDateTime.of(2026, 3, 2, 16, 0), filter.getUntil());
    assertNull(AuditBacking.filter(null, null, null, null, null).getFrom());
  }

  @Test
  void csvQuotesWhatNeedsItAndDefusesFormulas() throws IOException {
    StringWriter out = new StringWriter();
    AuditCsv.row(out, 1L, "a,b", "say \"hi\"", "=SUM(A1)", null, "第一行\n第二行");
    assertEquals("1,\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),,\"第一行\n第二行\"\r\n", out.toString());
    StringWriter header = new StringWriter();
    AuditCsv.header(header, "序号", "时间");
    assertEquals("\uFEFF序号,时间\r\n", header.toString());
  }
}
