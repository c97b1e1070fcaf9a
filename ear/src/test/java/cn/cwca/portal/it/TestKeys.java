package cn.cwca.portal.it;

import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.ProofText;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Test-only: key pairs made in software, as on a USB key, and the proof of possession the key agent
 * makes with them ({@code /v1/sign}: a signature of the {@link ProofText} of the server's nonce for
 * the page's origin), for the in-container tests that read a certificate "from the key".
 */
public final class TestKeys {

  /** The portal's origin the tests' proofs are made for (the services take it as a parameter). */
  public static final String ORIGIN = "https://ca.example.cn";

  private TestKeys() {}

  /** A new EC P-256 key pair. */
  public static KeyPair p256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new RSA 2048 key pair. */
  public static KeyPair rsa2048() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key's proof for the nonce, made for {@link #ORIGIN}. */
  public static KeyProof proof(PrivateKey key, String nonce) {
    return proof(key, ORIGIN, nonce);
  }

  /**
   * The key's proof for the nonce, made for a page of {@code origin}: SHA256withECDSA for an EC
   * key, SHA256withRSA for an RSA key, as the agent signs.
   */
  public static KeyProof proof(PrivateKey key, String origin, String nonce) {
    String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(ProofText.of(origin, nonce));
      return new KeyProof(nonce, algorithm, Base64.getEncoder().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
