package cn.cwca.portal.payment.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class YuanTest {

  @Test
  void fenAreWrittenAsYuanWithTwoDecimals() {
    assertEquals("0.01", Yuan.fromFen(1));
    assertEquals("0.10", Yuan.fromFen(10));
    assertEquals("1.00", Yuan.fromFen(100));
    assertEquals("1234.56", Yuan.fromFen(123456));
  }

  @Test
  void yuanAreReadAsFenExactly() {
    assertEquals(1, Yuan.toFen("0.01"));
    assertEquals(10, Yuan.toFen("0.1"));
    assertEquals(100, Yuan.toFen("1"));
    assertEquals(123456, Yuan.toFen("1234.56"));
  }

  @Test
  void whatIsNotAnAmountOfYuanIsRefused() {
    for (String text : new String[] {null, "", "0.001", "-1", "+1", "1.", ".5", "1e2", "1,00"}) {
      assertThrows(IllegalArgumentException.class, () -> Yuan.toFen(text), text);
    }
  }

  @Test
  void alipaysTimesAreBeijingTime() {
    OffsetDateTime utc = OffsetDateTime.of(2026, 12, 31, 16, 30, 15, 500_000_000, ZoneOffset.UTC);

    assertEquals("2027-01-01 00:30:15", BeijingTime.format(utc));
    assertEquals(utc.withNano(0).toInstant(), BeijingTime.parse("2027-01-01 00:30:15").toInstant());
    assertThrows(IllegalArgumentException.class, () -> BeijingTime.parse("2027-01-01T00:30:15"));
  }
}
