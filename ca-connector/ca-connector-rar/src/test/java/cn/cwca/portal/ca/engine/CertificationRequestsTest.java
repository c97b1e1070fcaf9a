package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RequestRefusedException;
import cn.cwca.portal.ca.RequestRefusedException.Reason;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof of possession and the key rules, on the requests the CA is given: the same rules whether
 * RSA and ECDSA signatures are checked in AWS-LC or with Bouncy Castle.
 */
class CertificationRequestsTest {

  /** With AWS-LC (where its native library loads; skipped elsewhere). */
  @Nested
  class WithAwsLc extends Rules {
    @Override
    CertificationRequests requests() {
      assumeTrue(CryptoProviders.NATIVE.isPresent(), "AWS-LC does not load on this machine");
      return new CertificationRequests(CryptoProviders.NATIVE);
    }
  }

  /** With Bouncy Castle only (nativeCrypto=false, or AWS-LC unavailable). */
  @Nested
  class WithBouncyCastle extends Rules {
    @Override
    CertificationRequests requests() {
      return new CertificationRequests(Optional.empty());
    }
  }

  abstract class Rules {

    /** The checker under test. */
    abstract CertificationRequests requests();

    @Test
    void acceptsAWellSignedRequestAndReportsItsKey() throws Exception {
      KeyPair keys = TestKeys.p256();

      CertificationRequests.VerifiedKey key = requests().verify(Csrs.of(keys));

      assertEquals(KeyAlgorithm.EC_P256, key.algorithm());
      assertEquals(
          Arrays.toString(keys.getPublic().getEncoded()),
          Arrays.toString(key.publicKey().getEncoded()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "P-256", "P-384", "SM2"})
    void refusesCsrWithBrokenSignature(String keyType) {
      KeyPair keys =
          switch (keyType) {
            case "RSA" -> TestKeys.rsa(2048);
            case "P-256" -> TestKeys.p256();
            case "P-384" -> TestKeys.ec("secp384r1");
            default -> TestKeys.sm2();
          };

      assertRefused(Reason.SIGNATURE_INVALID, Csrs.withBrokenSignature(Csrs.of(keys)));
    }

    @Test
    void refusesCsrSignedByAnotherKeyThanTheOneToCertify() {
      assertRefused(
          Reason.SIGNATURE_INVALID, Csrs.forKeySignedByAnother(TestKeys.p256(), TestKeys.p256()));
    }

    @Test
    void refusesRsa1024() {
      assertRefused(Reason.KEY_NOT_ALLOWED, Csrs.of(TestKeys.rsa(1024)));
    }

    @Test
    void refusesRsaOfAnUnusualSize() {
      assertRefused(Reason.KEY_NOT_ALLOWED, Csrs.of(TestKeys.rsa(2560)));
    }

    @Test
    void refusesRsaWithPublicExponentThree() {
      assertRefused(Reason.KEY_NOT_ALLOWED, Csrs.of(TestKeys.rsaWithExponent3()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prime192v1", "secp256k1", "secp224r1", "brainpoolP256r1"})
    void refusesCurvesOtherThanP256P384AndSm2(String curve) {
      assertRefused(
          Reason.KEY_NOT_ALLOWED,
          Csrs.of(TestKeys.ec(curve), "SHA256withECDSA", CryptoProviders.BC));
    }

    @Test
    void refusesProofOfPossessionWithSha1() {
      assertRefused(
          Reason.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          Csrs.of(TestKeys.rsa(2048), "SHA1withRSA", CryptoProviders.BC));
    }

    @Test
    void refusesSm2KeySignedWithEcdsaInsteadOfSm2() {
      assertRefused(
          Reason.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          Csrs.of(TestKeys.sm2(), "SHA256withECDSA", CryptoProviders.BC));
    }

    @Test
    void refusesBytesThatAreNotARequest() {
      assertRefused(Reason.MALFORMED_REQUEST, "not a request".getBytes());
    }

    @Test
    void refusesARequestWithTrailingBytes() {
      byte[] csr = Csrs.of(TestKeys.p256());

      assertRefused(Reason.MALFORMED_REQUEST, Arrays.copyOf(csr, csr.length + 1));
    }

    @Test
    void refusesAnEcPublicKeyThatIsNotOnItsCurve() {
      KeyPair keys = TestKeys.p256();
      byte[] csr = Csrs.of(keys);
      byte[] spki = keys.getPublic().getEncoded();
      byte[] point = Arrays.copyOfRange(spki, spki.length - 65, spki.length);
      int at = indexOf(csr, point);
      csr[at + 64] ^= 0x01; // the last octet of y: the point leaves the curve

      assertRefused(Reason.KEY_NOT_ALLOWED, csr);
    }

    @Test
    void refusesAnRsaKeyWhoseAlgorithmParametersAreNotNull() {
      KeyPair keys = TestKeys.rsa(2048);
      SubjectPublicKeyInfo stated = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
      SubjectPublicKeyInfo odd =
          new SubjectPublicKeyInfo(
              new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, new ASN1Integer(7)),
              stated.getPublicKeyData().getBytes());

      assertRefused(Reason.MALFORMED_REQUEST, Csrs.withPublicKeyInfo(odd, keys, "SHA256withRSA"));
    }

    @Test
    void refusesAnRsaKeyWhoseBitStringHasPadBits() {
      KeyPair keys = TestKeys.rsa(2048);
      SubjectPublicKeyInfo stated = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
      SubjectPublicKeyInfo padded =
          new SubjectPublicKeyInfo(
              stated.getAlgorithm(), new DERBitString(stated.getPublicKeyData().getBytes(), 3));

      assertRefused(
          Reason.MALFORMED_REQUEST, Csrs.withPublicKeyInfo(padded, keys, "SHA256withRSA"));
    }

    @Test
    void refusesAnEcPointInTheHybridForm() {
      KeyPair keys = TestKeys.p256();
      ECPoint point = ((BCECPublicKey) keys.getPublic()).getQ();
      byte[] hybrid = point.getEncoded(false);
      hybrid[0] = (byte) (point.getAffineYCoord().testBitZero() ? 0x07 : 0x06);
      SubjectPublicKeyInfo stated = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());

      assertRefused(
          Reason.KEY_NOT_ALLOWED,
          Csrs.withPublicKeyInfo(
              new SubjectPublicKeyInfo(stated.getAlgorithm(), hybrid), keys, "SHA256withECDSA"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "sm2p256v1"})
    void certifiesACompressedPointInTheUncompressedForm(String curve) throws Exception {
      KeyPair keys = TestKeys.ec(curve);
      SubjectPublicKeyInfo stated = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
      byte[] compressed = ((BCECPublicKey) keys.getPublic()).getQ().getEncoded(true);
      String signature = curve.equals("sm2p256v1") ? "SM3withSM2" : "SHA256withECDSA";

      CertificationRequests.VerifiedKey key =
          requests()
              .verify(
                  Csrs.withPublicKeyInfo(
                      new SubjectPublicKeyInfo(stated.getAlgorithm(), compressed),
                      keys,
                      signature));

      assertArrayEquals(keys.getPublic().getEncoded(), key.publicKey().getEncoded());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
      for (int i = 0; i + needle.length <= haystack.length; i++) {
        if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
          return i;
        }
      }
      throw new IllegalArgumentException("not found");
    }

    private void assertRefused(Reason reason, byte[] csr) {
      RequestRefusedException refused =
          assertThrows(RequestRefusedException.class, () -> requests().verify(csr));
      assertEquals(reason, refused.reason(), refused.getMessage());
    }
  }
}
