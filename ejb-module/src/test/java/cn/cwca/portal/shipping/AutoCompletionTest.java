package cn.cwca.portal.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a shipped key that was not signed for counts as received. */
class AutoCompletionTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 20, 8, 30);

  @AfterEach
  void settingIsCleared() {
    System.clearProperty(AutoCompletion.DAYS_SETTING);
  }

  @Test
  void fifteenDaysUnlessSet() {
    assertEquals(15, AutoCompletion.days());
    System.setProperty(AutoCompletion.DAYS_SETTING, " 7 ");
    assertEquals(7, AutoCompletion.days());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "fifteen", "1.5", "99999999999"})
  void anUnusableSettingFallsBackToFifteen(String value) {
    System.setProperty(AutoCompletion.DAYS_SETTING, value);
    assertEquals(AutoCompletion.DEFAULT_DAYS, AutoCompletion.days());
  }

  @Test
  void dueExactlyWhenTheDaysHavePassedSinceShipping() {
    assertTrue(AutoCompletion.isDue(NOW.minusDays(16), NOW, 15), "16 days ago");
    assertTrue(AutoCompletion.isDue(NOW.minusDays(15), NOW, 15), "15 days ago to the minute");
    assertFalse(AutoCompletion.isDue(NOW.minusDays(15).plusSeconds(1), NOW, 15));
    assertFalse(AutoCompletion.isDue(NOW.minusDays(1), NOW, 15), "yesterday");
    assertFalse(AutoCompletion.isDue(NOW, NOW, 15), "just now");
    assertTrue(AutoCompletion.isDue(NOW.minusDays(3), NOW, 3), "another setting");
  }

  @Test
  void theCutoffIsTheLatestShippingTimeThatIsDue() {
    assertEquals(LocalDateTime.of(2026, 3, 5, 8, 30), AutoCompletion.cutoff(NOW, 15));
    assertTrue(AutoCompletion.isDue(AutoCompletion.cutoff(NOW, 15), NOW, 15));
  }
}
