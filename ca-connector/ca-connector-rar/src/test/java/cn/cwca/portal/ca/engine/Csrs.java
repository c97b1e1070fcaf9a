package cn.cwca.portal.ca.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.Provider;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 requests as the key agent sends them, and broken ones. */
final class Csrs {

  /** What an applicant's key agent puts in the request subject: the CA must ignore it. */
  static final X500Name CLAIMED_SUBJECT = new X500Name("CN=Claimed Name,O=Claimed Org,C=US");

  private Csrs() {}

  /** A request signed with the usual algorithm for the key, by Bouncy Castle. */
  static byte[] of(KeyPair keys) {
    SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    String algorithm;
    if (keys.getPublic().getAlgorithm().equals("RSA")) {
      algorithm = "SHA256withRSA";
    } else if (GMObjectIdentifiers.sm2p256v1.equals(key.getAlgorithm().getParameters())) {
      algorithm = "SM3withSM2";
    } else {
      algorithm = "SHA256withECDSA";
    }
    return of(keys, algorithm, CryptoProviders.BC);
  }

  static byte[] of(KeyPair keys, String signatureAlgorithm, Provider provider) {
    try {
      return new JcaPKCS10CertificationRequestBuilder(CLAIMED_SUBJECT, keys.getPublic())
          .build(
              new JcaContentSignerBuilder(signatureAlgorithm)
                  .setProvider(provider)
                  .build(keys.getPrivate()))
          .getEncoded();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A request stating the key as {@code publicKey} says it, however odd its encoding, signed by
   * {@code signer} (the same key, so that only the encoding is in question).
   */
  static byte[] withPublicKeyInfo(
      SubjectPublicKeyInfo publicKey, KeyPair signer, String signatureAlgorithm) {
    try {
      return new PKCS10CertificationRequestBuilder(CLAIMED_SUBJECT, publicKey)
          .build(
              new JcaContentSignerBuilder(signatureAlgorithm)
                  .setProvider(CryptoProviders.BC)
                  .build(signer.getPrivate()))
          .getEncoded();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same request with one bit of its signature flipped. */
  static byte[] withBrokenSignature(byte[] csr) {
    ASN1Sequence request = ASN1Sequence.getInstance(csr);
    byte[] signature = DERBitString.getInstance(request.getObjectAt(2)).getBytes();
    signature[signature.length / 2] ^= 0x01;
    try {
      return new DERSequence(
              new ASN1Encodable[] {
                request.getObjectAt(0), request.getObjectAt(1), new DERBitString(signature)
              })
          .getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request for one key, signed by another: the applicant does not hold the key. */
  static byte[] forKeySignedByAnother(KeyPair certified, KeyPair signer) {
    return withPublicKeyInfo(
        SubjectPublicKeyInfo.getInstance(certified.getPublic().getEncoded()),
        signer,
        "SHA256withECDSA");
  }
}
