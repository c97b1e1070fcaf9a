package cn.cwca.portal.ca.engine;

import java.math.BigInteger;

/**
 * Certificate serial numbers: 126 bits from a CSPRNG in 16 octets, positive and never zero (RFC
 * 5280 section 4.1.2.2: at most 20 octets; CA/Browser Forum baseline: at least 64 bits of CSPRNG
 * output). The top bit is cleared so that the number is positive without a leading zero octet, the
 * next one set so that every serial has the same length. A collision among 2^40 certificates has a
 * probability below 2^-45; the application's unique constraint on the serial catches even that.
 */
final class SerialNumbers {

  private static final int OCTETS = 16;

  private final Drbgs.Striped random = new Drbgs.Striped();

  BigInteger next() {
    byte[] octets = new byte[OCTETS];
    random.nextBytes(octets);
    octets[0] = (byte) ((octets[0] & 0x3f) | 0x40);
    return new BigInteger(1, octets);
  }
}
