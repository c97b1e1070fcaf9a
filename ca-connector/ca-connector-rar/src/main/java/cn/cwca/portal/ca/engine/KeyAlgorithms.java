package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RequestRefusedException;
import cn.cwca.portal.ca.RequestRefusedException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which keys the CA certifies and how each algorithm signs. The rules: RSA of 2048, 3072 or 4096
 * bits with a public exponent of at least 65537; ECDSA on P-256 or P-384; SM2 on sm2p256v1 (named
 * curves only, as RFC 5480 requires).
 */
final class KeyAlgorithms {

  private static final BigInteger F4 = BigInteger.valueOf(65537);

  private KeyAlgorithms() {}

  /** The algorithm of a public key, or a refusal if the CA does not certify such keys. */
  static KeyAlgorithm of(SubjectPublicKeyInfo key) throws RequestRefusedException {
    AlgorithmIdentifier algorithm = key.getAlgorithm();
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      return rsa(key);
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      if (!(algorithm.getParameters() instanceof ASN1ObjectIdentifier curve)) {
        throw refused("an EC key must name its curve (RFC 5480); explicit parameters are refused");
      }
      checkPointForm(key);
      if (SECObjectIdentifiers.secp256r1.equals(curve)) {
        return KeyAlgorithm.EC_P256;
      }
      if (SECObjectIdentifiers.secp384r1.equals(curve)) {
        return KeyAlgorithm.EC_P384;
      }
      if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
        return KeyAlgorithm.SM2;
      }
      throw refused("EC curve " + curve.getId() + " is not allowed: use P-256, P-384 or SM2");
    }
    throw refused("key algorithm " + oid.getId() + " is not allowed: use RSA, ECDSA or SM2");
  }

  /**
   * The EC point in the uncompressed or the compressed form; the hybrid form (first octet 6 or 7)
   * "MUST NOT be used" (RFC 5480 section 2.2). Whether the point is on its curve is checked where
   * it is decoded.
   */
  private static void checkPointForm(SubjectPublicKeyInfo key) throws RequestRefusedException {
    byte[] point;
    try {
      point = key.getPublicKeyData().getOctets();
    } catch (RuntimeException e) {
      throw new RequestRefusedException(Reason.MALFORMED_REQUEST, "unreadable EC public key", e);
    }
    if (point.length == 0 || (point[0] != 0x04 && point[0] != 0x02 && point[0] != 0x03)) {
      throw refused("an EC public key must be a point in the uncompressed or compressed form");
    }
  }

  private static KeyAlgorithm rsa(SubjectPublicKeyInfo key) throws RequestRefusedException {
    ASN1Encodable parameters = key.getAlgorithm().getParameters();
    if (parameters != null && !DERNull.INSTANCE.equals(parameters.toASN1Primitive())) {
      // RFC 3279 section 2.3.1: the parameters of rsaEncryption are NULL
      throw new RequestRefusedException(
          Reason.MALFORMED_REQUEST, "an RSA public key's algorithm parameters must be NULL");
    }
    RSAPublicKey rsa;
    try {
      rsa = RSAPublicKey.getInstance(key.parsePublicKey());
    } catch (IOException | RuntimeException e) {
      throw new RequestRefusedException(Reason.MALFORMED_REQUEST, "unreadable RSA public key", e);
    }
    if (rsa.getPublicExponent().compareTo(F4) < 0 || !rsa.getPublicExponent().testBit(0)) {
      throw refused("RSA public exponent must be odd and at least 65537");
    }
    int bits = rsa.getModulus().bitLength();
    return switch (bits) {
      case 2048 -> KeyAlgorithm.RSA_2048;
      case 3072 -> KeyAlgorithm.RSA_3072;
      case 4096 -> KeyAlgorithm.RSA_4096;
      default ->
          throw refused("RSA key of " + bits + " bits is not allowed: use 2048, 3072 or 4096");
    };
  }

  /** The JCA signature algorithm a key of this algorithm signs certificates, CRLs and OCSP with. */
  static String signatureAlgorithm(KeyAlgorithm algorithm) {
    return switch (algorithm) {
      case RSA_2048, RSA_3072, RSA_4096 -> "SHA256withRSA";
      case EC_P256 -> "SHA256withECDSA";
      case EC_P384 -> "SHA384withECDSA";
      case SM2 -> "SM3withSM2";
    };
  }

  /** The JCA key pair generator algorithm name. */
  static String keyPairGeneratorAlgorithm(KeyAlgorithm algorithm) {
    return isRsa(algorithm) ? "RSA" : "EC";
  }

  /** The key pair generator parameters. */
  static AlgorithmParameterSpec keyPairParameters(KeyAlgorithm algorithm) {
    return switch (algorithm) {
      case RSA_2048 -> new RSAKeyGenParameterSpec(2048, F4);
      case RSA_3072 -> new RSAKeyGenParameterSpec(3072, F4);
      case RSA_4096 -> new RSAKeyGenParameterSpec(4096, F4);
      case EC_P256 -> new ECGenParameterSpec("secp256r1");
      case EC_P384 -> new ECGenParameterSpec("secp384r1");
      case SM2 -> new ECGenParameterSpec("sm2p256v1");
    };
  }

  static boolean isRsa(KeyAlgorithm algorithm) {
    return algorithm == KeyAlgorithm.RSA_2048
        || algorithm == KeyAlgorithm.RSA_3072
        || algorithm == KeyAlgorithm.RSA_4096;
  }

  private static RequestRefusedException refused(String message) {
    return new RequestRefusedException(Reason.KEY_NOT_ALLOWED, message);
  }
}
