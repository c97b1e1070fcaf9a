package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Asn1TimesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1950-01-01T00:00:00Z",
        "2026-12-01T08:15:30Z",
        "2049-12-31T23:59:59Z",
        "2050-01-01T00:00:00Z",
        "2056-11-30T23:59:59Z"
      })
  void encodesAsBouncyCastleDoesUtcTimeUntil2049AndGeneralizedTimeFrom2050(String text)
      throws Exception {
    Instant instant = Instant.parse(text);

    Time time = Asn1Times.time(instant);

    assertArrayEquals(new Time(Date.from(instant), Locale.ROOT).getEncoded(), time.getEncoded());
    assertEquals(
        instant.getEpochSecond() < Instant.parse("2050-01-01T00:00:00Z").getEpochSecond(),
        time.toASN1Primitive() instanceof ASN1UTCTime);
    assertEquals(instant, time.getDate().toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-01T08:15:30Z", "2050-06-01T12:00:00Z"})
  void generalizedTimeIsToTheSecond(String text) throws Exception {
    Instant instant = Instant.parse(text);

    ASN1GeneralizedTime time = Asn1Times.generalized(instant);

    assertArrayEquals(new ASN1GeneralizedTime(Date.from(instant)).getEncoded(), time.getEncoded());
    assertEquals(instant, time.getDate().toInstant());
  }
}
