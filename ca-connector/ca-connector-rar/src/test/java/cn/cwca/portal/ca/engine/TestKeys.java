package cn.cwca.portal.ca.engine;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Subscriber key pairs made in software with Bouncy Castle, as a USB key would make them. */
final class TestKeys {

  private TestKeys() {}

  static KeyPair rsa(int bits) {
    return generate("RSA", new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
  }

  static KeyPair rsaWithExponent3() {
    return generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F0));
  }

  /** An EC key pair on a named curve: secp256r1, secp384r1, sm2p256v1, secp256k1, prime192v1... */
  static KeyPair ec(String curve) {
    return generate("EC", new ECGenParameterSpec(curve));
  }

  static KeyPair p256() {
    return ec("secp256r1");
  }

  static KeyPair sm2() {
    return ec("sm2p256v1");
  }

  private static KeyPair generate(String algorithm, AlgorithmParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, CryptoProviders.BC);
      generator.initialize(spec);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
