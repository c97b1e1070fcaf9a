package cn.cwca.portal.ca.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x509.Time;

/**
 * The times of certificates, CRLs and OCSP answers, to the second in UTC (RFC 5280 section 4.1.2.5:
 * UTCTime up to 2049, GeneralizedTime from 2050, as GM/T 0015 requires too). Made from their DER
 * encoding directly: Bouncy Castle's own constructors format and parse each time with a new
 * SimpleDateFormat, which cost a quarter of an issuance once the signatures were fast.
 */
final class Asn1Times {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT);

  private Asn1Times() {}

  /** A certificate's or CRL's time: UTCTime for 1950 to 2049, GeneralizedTime otherwise. */
  static Time time(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    int year = utc.getYear();
    if (year >= 1950 && year <= 2049) {
      return new Time(ASN1UTCTime.getInstance(der(BERTags.UTC_TIME, UTC_TIME.format(utc))));
    }
    return new Time(generalized(instant));
  }

  /** A GeneralizedTime to the second (RFC 6960 and RFC 5280 use no fractions). */
  static ASN1GeneralizedTime generalized(Instant instant) {
    return ASN1GeneralizedTime.getInstance(
        der(BERTags.GENERALIZED_TIME, GENERALIZED_TIME.format(instant.atZone(ZoneOffset.UTC))));
  }

  private static byte[] der(int tag, String text) {
    byte[] contents = text.getBytes(StandardCharsets.US_ASCII);
    byte[] der = new byte[contents.length + 2];
    der[0] = (byte) tag;
    der[1] = (byte) contents.length;
    System.arraycopy(contents, 0, der, 2, contents.length);
    return der;
  }
}
