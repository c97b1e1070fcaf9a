package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DerSequencesTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 125, 126, 200, 253, 254, 300, 65_000, 70_000})
  void encodesTheSequenceAsBouncyCastleDoesForEveryLengthForm(int contentLength) throws Exception {
    DEROctetString first = new DEROctetString(new byte[contentLength]);
    DEROctetString second = new DEROctetString(new byte[] {1, 2, 3});

    byte[] ours =
        DerSequences.of(first.getEncoded(ASN1Encoding.DER), second.getEncoded(ASN1Encoding.DER));

    assertArrayEquals(
        new DERSequence(new ASN1Encodable[] {first, second}).getEncoded(ASN1Encoding.DER), ours);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 125, 126, 200, 300, 70_000})
  void encodesAnExplicitTagAsBouncyCastleDoesForEveryLengthForm(int contentLength)
      throws Exception {
    DEROctetString inner = new DEROctetString(new byte[contentLength]);

    byte[] ours = DerSequences.explicit(3, inner.getEncoded(ASN1Encoding.DER));

    assertArrayEquals(new DERTaggedObject(true, 3, inner).getEncoded(ASN1Encoding.DER), ours);
  }

  @Test
  void refusesATagNumberThatNeedsTheLongForm() {
    assertThrows(IllegalArgumentException.class, () -> DerSequences.explicit(31, new byte[0]));
  }
}
