package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BeijingTimeConverterTest {

  @Test
  void showsAStoredUtcTimeInBeijingTime() {
    assertEquals(
        "2025-03-02 00:30", BeijingTimeConverter.format(LocalDateTime.of(2025, 3, 1, 16, 30, 59)));
  }

  @Test
  void showsNothingForNoTime() {
    assertEquals("", BeijingTimeConverter.format(null));
  }
}
