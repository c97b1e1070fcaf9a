package cn.cwca.keyagent.pkcs11;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The key pairs a page may ask the token to generate, with the API's names. */
public enum KeyAlgorithm {
  RSA_2048("RSA-2048", "SHA256withRSA"),
  EC_P256("EC-P256", "SHA256withECDSA"),
  /**
   * SM2 (GM/T 0003) on sm2p256v1 with SM3. Chinese keys offer it through their SKF interface (GM/T
   * 0016) or vendor-defined PKCS#11 mechanisms, which SunPKCS11 cannot drive; no token gets it
   * through this agent's PKCS#11 path.
   */
  SM2("SM2", "SM3withSM2");

  private final String apiName;
  private final String signatureAlgorithm;

  KeyAlgorithm(String apiName, String signatureAlgorithm) {
    this.apiName = apiName;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  public String apiName() {
    return apiName;
  }

  /** The JCA name of the signature the CSR is signed with. */
  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /**
   * @throws TokenException (bad request) for a name the API does not know
   */
  public static KeyAlgorithm ofApiName(String name) {
    return Arrays.stream(values())
        .filter(algorithm -> algorithm.apiName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new TokenException(
                    TokenException.Reason.BAD_REQUEST,
                    "Unknown key algorithm; use one of RSA-2048, EC-P256, SM2"));
  }

  /**
   * A short name for a certificate's public key: {@code RSA-2048}, {@code EC-P256}, {@code SM2},
   * otherwise the family with its size or curve.
   */
  public static String describe(byte[] subjectPublicKeyInfo) {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo);
    ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
    try {
      if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        RSAPublicKey key = RSAPublicKey.getInstance(info.parsePublicKey());
        return "RSA-" + key.getModulus().bitLength();
      }
      if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
          return "EC";
        }
        if (curve.equals(SECObjectIdentifiers.secp256r1)) {
          return EC_P256.apiName;
        }
        if (curve.equals(GMObjectIdentifiers.sm2p256v1)) {
          return SM2.apiName;
        }
        String name = ECNamedCurveTable.getName(curve);
        return "EC-" + (name == null ? curve.getId() : name);
      }
    } catch (IOException | IllegalArgumentException e) {
      return algorithm.getId();
    }
    return algorithm.getId();
  }
}
