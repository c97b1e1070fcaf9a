package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 审计日志 in headless Chromium: 校验 finds the trail intact; after one entry's details are changed with
 * plain SQL, 校验 names that entry; put back, the trail is intact again.
 */
class AuditBrowserIT {

  private Browser admin;
  private long changedSeq;
  private String originalDetails;

  @BeforeEach
  void openBrowser() throws Exception {
    admin = new Browser();
  }

  @AfterEach
  void putBackAndClose() throws Exception {
    try {
      if (changedSeq > 0) {
        update(changedSeq, originalDetails);
      }
    } finally {
      admin.close();
    }
  }

  @Test
  void verificationPassesThenNamesTheEntryChangedWithPlainSql() throws Exception {
    PortalSteps.loginAsAdmin(admin);
    admin.click("auditLink");
    admin.waitForUrl("/admin/audit.xhtml");
    admin.clickAndWaitForAjax("auditVerify");
    admin.waitForText("verdictText", "审计记录完整");

    // the administrator's own login, chained by now (校验 chains what is pending first)
    try (Connection c = PortalSteps.database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, details FROM audit_entry WHERE seq IS NOT NULL"
                    + " ORDER BY seq DESC LIMIT 1");
        ResultSet rs = s.executeQuery()) {
      org.junit.jupiter.api.Assertions.assertTrue(rs.next(), "the login is in the chain");
      changedSeq = rs.getLong(1);
      originalDetails = rs.getString(2);
    }
    assertEquals(1, update(changedSeq, "tampered by plain SQL"));

    admin.clickAndWaitForAjax("auditVerify");
    admin.waitForText(
        "verdictText",
        new java.text.MessageFormat("第 {0} 条记录被修改", java.util.Locale.SIMPLIFIED_CHINESE)
            .format(new Object[] {changedSeq}));
    admin.snap("audit-verify-changed");

    update(changedSeq, originalDetails);
    changedSeq = 0;
    admin.clickAndWaitForAjax("auditVerify");
    admin.waitForText("verdictText", "审计记录完整");
  }

  private static int update(long seq, String details) throws Exception {
    try (Connection c = PortalSteps.database.connect();
        PreparedStatement s =
            c.prepareStatement("UPDATE audit_entry SET details = ? WHERE seq = ?")) {
      s.setString(1, details);
      s.setLong(2, seq);
      return s.executeUpdate();
    }
  }
}
