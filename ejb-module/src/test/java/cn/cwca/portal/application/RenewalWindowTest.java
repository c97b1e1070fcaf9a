package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RenewalWindowTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 8, 0);

  @Test
  void expiredCertificateMayBeRenewed() {
    assertTrue(RenewalWindow.isOpen(NOW.minusYears(3), NOW));
    assertTrue(RenewalWindow.isOpen(NOW.minusSeconds(1), NOW));
  }

  @Test
  void certificateExpiringWithinSixtyDaysMayBeRenewed() {
    assertTrue(RenewalWindow.isOpen(NOW.plusDays(1), NOW));
    assertTrue(RenewalWindow.isOpen(NOW.plusDays(60), NOW), "the 60th day is inside");
  }

  @Test
  void certificateValidForLongerIsRefusedWithItsDates() {
    LocalDateTime notAfter = NOW.plusDays(60).plusMinutes(1);
    assertFalse(RenewalWindow.isOpen(notAfter, NOW));
    BusinessException e =
        assertThrows(BusinessException.class, () -> RenewalWindow.check(notAfter, NOW));
    assertEquals("application.renewal.tooEarly", e.messageKey());
    // Beijing dates: 2026-07-31 08:01 UTC is 16:01 in Beijing; the window opens 60 days earlier.
    assertArrayEquals(new Object[] {"2026-07-31", "2026-06-01"}, e.args());
  }

  @Test
  void messageDatesAreBeijingDates() {
    LocalDateTime lateEveningUtc = LocalDateTime.of(2030, 12, 31, 20, 0);
    BusinessException e =
        assertThrows(BusinessException.class, () -> RenewalWindow.check(lateEveningUtc, NOW));
    assertEquals("2031-01-01", e.args()[0]);
  }

  @Test
  void checkPassesInsideTheWindow() {
    assertDoesNotThrow(() -> RenewalWindow.check(NOW.plusDays(30), NOW));
  }
}
