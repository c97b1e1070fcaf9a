package cn.cwca.portal.ca.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/** X.509 extensions built once and reused: Bouncy Castle's {@link Extension} is immutable. */
final class ExtensionValues {

  private ExtensionValues() {}

  static Extension critical(ASN1ObjectIdentifier oid, ASN1Encodable value) {
    return of(oid, true, value);
  }

  static Extension nonCritical(ASN1ObjectIdentifier oid, ASN1Encodable value) {
    return of(oid, false, value);
  }

  private static Extension of(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    try {
      return Extension.create(oid, critical, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the extension " + oid, e);
    }
  }
}
