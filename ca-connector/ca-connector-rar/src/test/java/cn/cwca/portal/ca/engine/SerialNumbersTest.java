package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.junit.jupiter.api.Test;

class SerialNumbersTest {

  private final SerialNumbers serials = new SerialNumbers();

  @Test
  void serialsArePositiveAndEncodeInSixteenOctetsWithoutPadding() throws Exception {
    for (int i = 0; i < 10_000; i++) {
      BigInteger serial = serials.next();

      assertEquals(1, serial.signum());
      assertEquals(127, serial.bitLength());
      byte[] der = new ASN1Integer(serial).getEncoded();
      assertEquals(16, der.length - 2, "RFC 5280: at most 20 octets; here always 16");
    }
  }

  @Test
  void everyRandomBitVaries() {
    BigInteger or = BigInteger.ZERO;
    BigInteger and = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    for (int i = 0; i < 2_000; i++) {
      BigInteger serial = serials.next();
      or = or.or(serial);
      and = and.and(serial);
    }

    assertEquals(BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE), or, "each bit was set");
    assertEquals(BigInteger.ONE.shiftLeft(126), and, "only the length bit was always set");
  }

  @Test
  void serialsDoNotRepeat() {
    Set<BigInteger> seen = new HashSet<>();
    Stream.generate(serials::next).limit(100_000).forEach(seen::add);

    assertEquals(100_000, seen.size());
  }

  @Test
  void hexFormIsThirtyTwoLowerCaseDigits() {
    String hex = serials.next().toString(16);

    assertTrue(hex.matches("[4-7][0-9a-f]{31}"), hex);
  }
}
