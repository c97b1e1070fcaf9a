package cn.cwca.portal.ca.engine;

/** DER SEQUENCEs put together from elements already encoded (X.690 section 8.9, 10.1). */
final class DerSequences {

  private static final int SEQUENCE = 0x30;

  private DerSequences() {}

  /** A SEQUENCE of the given DER encodings, in order. */
  static byte[] of(byte[]... elements) {
    int length = 0;
    for (byte[] element : elements) {
      length += element.length;
    }
    byte[] header = header(length);
    byte[] der = new byte[header.length + length];
    System.arraycopy(header, 0, der, 0, header.length);
    int at = header.length;
    for (byte[] element : elements) {
      System.arraycopy(element, 0, der, at, element.length);
      at += element.length;
    }
    return der;
  }

  /** The identifier and the definite length in its shortest form. */
  private static byte[] header(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) SEQUENCE, (byte) length};
    }
    int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
    byte[] header = new byte[2 + octets];
    header[0] = (byte) SEQUENCE;
    header[1] = (byte) (0x80 | octets);
    for (int i = 0; i < octets; i++) {
      header[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
    }
    return header;
  }
}
