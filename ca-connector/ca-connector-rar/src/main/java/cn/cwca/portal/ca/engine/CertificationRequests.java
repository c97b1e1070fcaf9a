package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RequestRefusedException;
import cn.cwca.portal.ca.RequestRefusedException.Reason;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Checks a PKCS#10 request before its key is certified: well-formed, a key the CA certifies (see
 * {@link KeyAlgorithms}), and a signature by that key (proof of possession, RFC 2986) made with an
 * algorithm of the key's family and a hash of at least 256 bits (SM3 for SM2, with the default
 * signer id of GM/T 0009). Everything else in the request, its subject and requested extensions, is
 * ignored.
 *
 * <p>Verification is the larger part of the cost of an EC issuance. RSA and ECDSA signatures are
 * verified in AWS-LC where it is available ({@link CryptoProviders#nativeVerifier}, about three
 * times faster), otherwise, and always for SM2, with Bouncy Castle's lightweight API on its
 * optimised curve implementations (about twice as fast as through the JCA for P-256).
 */
final class CertificationRequests {

  /** The public key a request proved possession of. */
  record VerifiedKey(SubjectPublicKeyInfo publicKey, KeyAlgorithm algorithm) {}

  /** A signature algorithm a request may prove possession with: its digest and JCA name. */
  private record Scheme(Supplier<Digest> digest, String jcaName) {}

  private static final Map<ASN1ObjectIdentifier, Scheme> RSA_SIGNATURES =
      Map.of(
          PKCSObjectIdentifiers.sha256WithRSAEncryption,
          new Scheme(SHA256Digest::new, "SHA256withRSA"),
          PKCSObjectIdentifiers.sha384WithRSAEncryption,
          new Scheme(SHA384Digest::new, "SHA384withRSA"),
          PKCSObjectIdentifiers.sha512WithRSAEncryption,
          new Scheme(SHA512Digest::new, "SHA512withRSA"));
  private static final Map<ASN1ObjectIdentifier, Scheme> ECDSA_SIGNATURES =
      Map.of(
          X9ObjectIdentifiers.ecdsa_with_SHA256,
          new Scheme(SHA256Digest::new, "SHA256withECDSA"),
          X9ObjectIdentifiers.ecdsa_with_SHA384,
          new Scheme(SHA384Digest::new, "SHA384withECDSA"),
          X9ObjectIdentifiers.ecdsa_with_SHA512,
          new Scheme(SHA512Digest::new, "SHA512withECDSA"));
  private static final Map<ASN1ObjectIdentifier, Scheme> SM2_SIGNATURES =
      Map.of(GMObjectIdentifiers.sm2sign_with_sm3, new Scheme(() -> null, null));

  private static final ECDomainParameters P256 = domain(SECObjectIdentifiers.secp256r1);
  private static final ECDomainParameters P384 = domain(SECObjectIdentifiers.secp384r1);
  private static final ECDomainParameters SM2 = domain(GMObjectIdentifiers.sm2p256v1);

  /** AWS-LC for RSA and ECDSA signatures, or empty for Bouncy Castle's lightweight API. */
  private final Optional<Provider> nativeVerifier;

  CertificationRequests(Optional<Provider> nativeVerifier) {
    this.nativeVerifier = nativeVerifier;
  }

  VerifiedKey verify(byte[] der) throws RequestRefusedException {
    PKCS10CertificationRequest request;
    byte[] signed;
    try {
      request = new PKCS10CertificationRequest(der);
      signed = request.toASN1Structure().getCertificationRequestInfo().getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new RequestRefusedException(
          Reason.MALFORMED_REQUEST, "not a DER-encoded PKCS#10 request", e);
    }
    SubjectPublicKeyInfo publicKey = request.getSubjectPublicKeyInfo();
    KeyAlgorithm algorithm = KeyAlgorithms.of(publicKey);
    ASN1ObjectIdentifier signature = request.getSignatureAlgorithm().getAlgorithm();
    Scheme scheme = scheme(algorithm, signature);
    boolean valid =
        nativeVerifier.isPresent() && algorithm != KeyAlgorithm.SM2
            ? verifiesNatively(nativeVerifier.get(), scheme, algorithm, publicKey, signed, request)
            : verifiesLightweight(scheme, algorithm, publicKey, signed, request);
    if (!valid) {
      throw new RequestRefusedException(
          Reason.SIGNATURE_INVALID,
          "the request's signature does not verify with its public key (no proof of possession)");
    }
    return new VerifiedKey(canonical(publicKey, algorithm), algorithm);
  }

  /**
   * The key as the certificate states it, in DER made here rather than copied from the request: RSA
   * with NULL parameters (RFC 3279 section 2.3.1), an EC point in the uncompressed form (RFC 5480
   * section 2.2; a compressed point is decompressed). The key itself is the one the request proved
   * possession of.
   */
  private static SubjectPublicKeyInfo canonical(SubjectPublicKeyInfo key, KeyAlgorithm algorithm)
      throws RequestRefusedException {
    try {
      return switch (algorithm) {
        case RSA_2048, RSA_3072, RSA_4096 ->
            new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                RSAPublicKey.getInstance(key.parsePublicKey()));
        case EC_P256 -> uncompressed(P256, key);
        case EC_P384 -> uncompressed(P384, key);
        case SM2 -> uncompressed(SM2, key);
      };
    } catch (IOException | RuntimeException e) {
      throw invalidKey(e);
    }
  }

  private static RequestRefusedException invalidKey(Exception e) {
    return new RequestRefusedException(
        Reason.KEY_NOT_ALLOWED, "the request's public key is not valid: " + e.getMessage(), e);
  }

  private static SubjectPublicKeyInfo uncompressed(
      ECDomainParameters domain, SubjectPublicKeyInfo key) {
    byte[] point = key.getPublicKeyData().getOctets();
    if (point[0] == 0x04) {
      return new SubjectPublicKeyInfo(key.getAlgorithm(), point);
    }
    return new SubjectPublicKeyInfo(
        key.getAlgorithm(), domain.getCurve().decodePoint(point).getEncoded(false));
  }

  private static Scheme scheme(KeyAlgorithm algorithm, ASN1ObjectIdentifier signature)
      throws RequestRefusedException {
    Map<ASN1ObjectIdentifier, Scheme> allowed =
        switch (algorithm) {
          case RSA_2048, RSA_3072, RSA_4096 -> RSA_SIGNATURES;
          case EC_P256, EC_P384 -> ECDSA_SIGNATURES;
          case SM2 -> SM2_SIGNATURES;
        };
    Scheme scheme = allowed.get(signature);
    if (scheme == null) {
      throw new RequestRefusedException(
          Reason.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          "a "
              + algorithm
              + " key cannot prove possession with the signature "
              + signature.getId());
    }
    return scheme;
  }

  /** RSA or ECDSA through the JCA of AWS-LC, which checks an EC point is on its curve. */
  private static boolean verifiesNatively(
      Provider provider,
      Scheme scheme,
      KeyAlgorithm algorithm,
      SubjectPublicKeyInfo publicKey,
      byte[] signed,
      PKCS10CertificationRequest request)
      throws RequestRefusedException {
    java.security.PublicKey key;
    Signature verifier;
    try {
      key =
          KeyFactory.getInstance(KeyAlgorithms.keyPairGeneratorAlgorithm(algorithm), provider)
              .generatePublic(new X509EncodedKeySpec(publicKey.getEncoded()));
      verifier = Signature.getInstance(scheme.jcaName(), provider);
      verifier.initVerify(key);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw invalidKey(e);
    }
    try {
      verifier.update(signed);
      return verifier.verify(request.getSignature());
    } catch (SignatureException | RuntimeException malformed) {
      return false;
    }
  }

  private static boolean verifiesLightweight(
      Scheme scheme,
      KeyAlgorithm algorithm,
      SubjectPublicKeyInfo publicKey,
      byte[] signed,
      PKCS10CertificationRequest request)
      throws RequestRefusedException {
    Signer verifier;
    try {
      verifier =
          switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096 -> new RSADigestSigner(scheme.digest().get());
            case EC_P256, EC_P384 -> new DSADigestSigner(new ECDSASigner(), scheme.digest().get());
            case SM2 -> new SM2Signer();
          };
      verifier.init(
          false,
          switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096 -> PublicKeyFactory.createKey(publicKey);
            case EC_P256 -> ecPoint(P256, publicKey);
            case EC_P384 -> ecPoint(P384, publicKey);
            case SM2 -> ecPoint(SM2, publicKey);
          });
    } catch (IOException | RuntimeException e) {
      throw invalidKey(e);
    }
    verifier.update(signed, 0, signed.length);
    return verifier.verifySignature(request.getSignature());
  }

  /** The point, decoded and checked to be on the curve and of the group's order. */
  private static ECPublicKeyParameters ecPoint(
      ECDomainParameters domain, SubjectPublicKeyInfo publicKey) {
    return new ECPublicKeyParameters(
        domain.getCurve().decodePoint(publicKey.getPublicKeyData().getOctets()), domain);
  }

  private static ECDomainParameters domain(ASN1ObjectIdentifier curve) {
    return new ECDomainParameters(CustomNamedCurves.getByOID(curve));
  }
}
