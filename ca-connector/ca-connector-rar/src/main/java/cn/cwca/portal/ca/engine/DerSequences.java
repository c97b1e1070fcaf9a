package cn.cwca.portal.ca.engine;

import java.util.List;

/**
 * DER SEQUENCEs and explicit context tags put together from elements already encoded (X.690
 * sections 8.1.2, 8.9, 8.14 and 10.1).
 */
final class DerSequences {

  private static final int SEQUENCE = 0x30;
  private static final int CONTEXT_CONSTRUCTED = 0xa0;

  private DerSequences() {}

  /** A SEQUENCE of the given DER encodings, in order. */
  static byte[] of(byte[]... elements) {
    return of(List.of(elements));
  }

  /** A SEQUENCE of the given DER encodings, in order. */
  static byte[] of(List<byte[]> elements) {
    int length = 0;
    for (byte[] element : elements) {
      length += element.length;
    }
    byte[] header = header(SEQUENCE, length);
    byte[] der = new byte[header.length + length];
    System.arraycopy(header, 0, der, 0, header.length);
    int at = header.length;
    for (byte[] element : elements) {
      System.arraycopy(element, 0, der, at, element.length);
      at += element.length;
    }
    return der;
  }

  /** An explicit context-specific tag {@code [number]} around one DER encoding (number < 31). */
  static byte[] explicit(int number, byte[] element) {
    if (number < 0 || number > 30) {
      throw new IllegalArgumentException("tag number " + number + " needs the long form");
    }
    byte[] header = header(CONTEXT_CONSTRUCTED | number, element.length);
    byte[] der = new byte[header.length + element.length];
    System.arraycopy(header, 0, der, 0, header.length);
    System.arraycopy(element, 0, der, header.length, element.length);
    return der;
  }

  /** The identifier and the definite length in its shortest form. */
  private static byte[] header(int identifier, int length) {
    if (length < 0x80) {
      return new byte[] {(byte) identifier, (byte) length};
    }
    int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
    byte[] header = new byte[2 + octets];
    header[0] = (byte) identifier;
    header[1] = (byte) (0x80 | octets);
    for (int i = 0; i < octets; i++) {
      header[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
    }
    return header;
  }
}
