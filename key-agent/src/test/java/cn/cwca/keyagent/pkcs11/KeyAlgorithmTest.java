package cn.cwca.keyagent.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class KeyAlgorithmTest {

  @Test
  void describesRsaP256AndSm2PublicKeys() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPairGenerator sm2 = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
    sm2.initialize(new ECGenParameterSpec("sm2p256v1"));

    assertEquals("RSA-2048", describe(rsa));
    assertEquals("EC-P256", describe(ec));
    assertEquals("SM2", describe(sm2));
  }

  @Test
  void knowsTheApiNamesOnly() {
    assertEquals(KeyAlgorithm.EC_P256, KeyAlgorithm.ofApiName("EC-P256"));
    TokenException unknown =
        assertThrows(TokenException.class, () -> KeyAlgorithm.ofApiName("DSA-1024"));
    assertEquals(TokenException.Reason.BAD_REQUEST, unknown.reason());
  }

  @Test
  void tellsTriesLeftOnlyWhenTheFlagsSayIt() {
    assertEquals(1, new PinState(true, true, false).triesLeft().getAsInt());
    assertEquals(0, new PinState(true, false, true).triesLeft().getAsInt());
    assertEquals(false, new PinState(true, false, false).triesLeft().isPresent());
  }

  private static String describe(KeyPairGenerator generator) {
    return KeyAlgorithm.describe(generator.generateKeyPair().getPublic().getEncoded());
  }
}
