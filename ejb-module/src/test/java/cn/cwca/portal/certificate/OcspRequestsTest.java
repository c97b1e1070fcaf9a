package cn.cwca.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.junit.jupiter.api.Test;

class OcspRequestsTest {

  @Test
  void requestsForTheSameCertificatesAskTheSameWithOrWithoutANonce() throws Exception {
    OcspRequests.Asked plain = OcspRequests.read(builder().build().getEncoded()).orElseThrow();
    OcspRequests.Asked withNonce =
        OcspRequests.read(
                builder()
                    .setRequestExtensions(
                        new Extensions(extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)))
                    .build()
                    .getEncoded())
            .orElseThrow();

    assertFalse(plain.nonce());
    assertTrue(withNonce.nonce());
    assertArrayEquals(plain.certificates(), withNonce.certificates());
  }

  @Test
  void anotherExtensionIsNoNonce() throws Exception {
    OcspRequests.Asked asked =
        OcspRequests.read(
                builder()
                    .setRequestExtensions(
                        new Extensions(extension(X509ObjectIdentifiers.id_ce.branch("99"))))
                    .build()
                    .getEncoded())
            .orElseThrow();

    assertFalse(asked.nonce());
  }

  @Test
  void whatIsNoDerRequestGivesNothing() throws Exception {
    byte[] good = builder().build().getEncoded();
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);

    assertTrue(OcspRequests.read(truncated).isEmpty());
    assertTrue(OcspRequests.read(longer).isEmpty());
    assertTrue(OcspRequests.read(new byte[] {0x30, (byte) 0x80, 0, 0}).isEmpty());
    assertTrue(OcspRequests.read(new byte[0]).isEmpty());
    assertTrue(OcspRequests.read(new byte[] {0x30, 0x02, 0x30, 0x00}).isEmpty());
  }

  private static OCSPReqBuilder builder() {
    return new OCSPReqBuilder()
        .addRequest(
            new CertificateID(
                new CertID(
                    new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE),
                    new DEROctetString(new byte[20]),
                    new DEROctetString(new byte[20]),
                    new ASN1Integer(BigInteger.valueOf(0x4a5b)))));
  }

  private static Extension extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid)
      throws Exception {
    return new Extension(oid, false, new DEROctetString(new DEROctetString(new byte[] {1, 2})));
  }
}
