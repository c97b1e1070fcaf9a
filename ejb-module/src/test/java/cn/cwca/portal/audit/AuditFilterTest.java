package cn.cwca.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

  @Test
  void blankFieldsDoNotFilter() {
    AuditFilter filter = new AuditFilter();
    filter.setActor(" ");
    assertEquals("", filter.where());
  }

  @Test
  void filtersByEveryFieldGiven() {
    AuditFilter filter = new AuditFilter();
    filter.setActor("admin");
    filter.setAction("account.");
    filter.setTarget("A2026000001");
    filter.setFrom(LocalDateTime.of(2026, 1, 1, 0, 0));
    filter.setUntil(LocalDateTime.of(2026, 2, 1, 0, 0));
    assertEquals(
        " WHERE e.actor LIKE :actor ESCAPE '\\' AND e.action LIKE :action ESCAPE '\\'"
            + " AND e.target = :target AND e.occurredAt >= :from AND e.occurredAt < :until",
        filter.where());
  }

  @Test
  void matchesExactlyOrByPrefixWithLikeWildcardsTakenLiterally() {
    assertEquals("account.%", AuditFilter.prefix("account."));
    assertEquals("adm%", AuditFilter.prefix("adm*"));
    assertEquals("user\\_1", AuditFilter.prefix(" user_1 "));
    assertEquals("100\\%", AuditFilter.prefix("100%"));
  }
}
