package cn.cwca.portal.ca.engine;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA1Digest;

/** Key identifiers by RFC 5280 section 4.2.1.2, method (1): SHA-1 of the subjectPublicKey bits. */
final class KeyIdentifiers {

  private KeyIdentifiers() {}

  static byte[] of(SubjectPublicKeyInfo publicKey) {
    byte[] bits = publicKey.getPublicKeyData().getBytes();
    SHA1Digest sha1 = new SHA1Digest();
    sha1.update(bits, 0, bits.length);
    byte[] identifier = new byte[sha1.getDigestSize()];
    sha1.doFinal(identifier, 0);
    return identifier;
  }
}
