package cn.cwca.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 8, 0);

  @Test
  void cutsValuesToTheirColumnsInsteadOfFailingTheBusinessTransaction() {
    AuditEntry entry =
        new AuditEntry(
            "a".repeat(100), "action", "t".repeat(200), "d".repeat(5000), "1.2.3.4", NOW);
    assertEquals(64, entry.getActor().length());
    assertEquals(128, entry.getTarget().length());
    assertEquals(4000, entry.getDetails().length());
  }

  @Test
  void missingActorOrAddressIsShownAsADash() {
    AuditEntry entry = new AuditEntry(null, "login.failed", "", null, null, NOW);
    assertEquals("-", entry.getActor());
    assertEquals("-", entry.getTarget());
    assertEquals("-", entry.getRemoteAddress());
    assertNull(entry.getDetails());
  }
}
