package cn.cwca.portal.it.issuance;

import static org.junit.jupiter.api.Assertions.fail;

import cn.cwca.portal.devserver.CaHsmTokens;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.ProofText;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Applicants' key pairs made on a SoftHSM2 token, as a USB key makes them: inside the server's JVM,
 * whose {@code SOFTHSM2_CONF} names the integration server's tokens, through a SunPKCS11 provider
 * for the token labelled {@link CaHsmTokens#APPLICANT_KEYS_LABEL} (SunPKCS11 selects a token by its
 * slot, whose id the integration server gives in {@link CaHsmTokens#APPLICANT_KEYS_SLOT_PROPERTY}),
 * logged in with the user PIN. The private key never leaves the token: the requests and the proofs
 * of possession are signed on it. Without the token (SoftHSM2 missing where the server runs) every
 * use fails and says so.
 */
final class TokenKeys {

  private static final String ALGORITHM = "SHA256withECDSA";

  private static Provider token;

  private TokenKeys() {}

  /** A new P-256 key pair, made on the token. */
  static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", token());
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** A PKCS#10 request (DER) for the key pair, signed on the token. */
  static byte[] csr(KeyPair key) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(
            new X500Principal("CN=request"), key.getPublic())
        .build(signer(key))
        .getEncoded();
  }

  /** The same request in base64, as the key agent hands it to 制证. */
  static String csrBase64(KeyPair key) throws Exception {
    return Base64.getEncoder().encodeToString(csr(key));
  }

  /** The key's proof of possession for the nonce, as the key agent signs it for the origin. */
  static KeyProof proof(KeyPair key, String origin, String nonce) throws GeneralSecurityException {
    Signature signature = Signature.getInstance(ALGORITHM, token());
    signature.initSign(key.getPrivate());
    signature.update(ProofText.of(origin, nonce));
    return new KeyProof(nonce, ALGORITHM, Base64.getEncoder().encodeToString(signature.sign()));
  }

  private static org.bouncycastle.operator.ContentSigner signer(KeyPair key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaContentSignerBuilder(ALGORITHM).setProvider(token()).build(key.getPrivate());
  }

  /** The provider of the token, logged in; made once per deployment. */
  private static synchronized Provider token() throws GeneralSecurityException {
    if (token == null) {
      Path library =
          CaHsmTokens.library()
              .orElseGet(
                  () ->
                      fail(
                          "SoftHSM2 is not installed on the test server (none of "
                              + CaHsmTokens.LIBRARIES
                              + "): install softhsm2 and start the integration server again"));
      String slot = System.getProperty(CaHsmTokens.APPLICANT_KEYS_SLOT_PROPERTY);
      if (slot == null || !slot.matches("\\d+")) {
        fail(
            "The test server has no SoftHSM2 token "
                + CaHsmTokens.APPLICANT_KEYS_LABEL
                + " for applicants' keys (system property "
                + CaHsmTokens.APPLICANT_KEYS_SLOT_PROPERTY
                + " is "
                + slot
                + "): the integration server makes it when SoftHSM2 is installed");
      }
      if (System.getenv("SOFTHSM2_CONF") == null) {
        fail("The test server runs without SOFTHSM2_CONF: it does not see the integration tokens");
      }
      String where = CaHsmTokens.APPLICANT_KEYS_LABEL + " in slot " + slot;
      Provider provider;
      try {
        provider =
            Security.getProvider("SunPKCS11")
                .configure(
                    "--name = "
                        + CaHsmTokens.APPLICANT_KEYS_LABEL
                        + "\nlibrary = \""
                        + library
                        + "\"\nslot = "
                        + slot
                        + "\n");
        KeyStore.getInstance("PKCS11", provider).load(null, CaHsmTokens.PIN.toCharArray());
      } catch (ProviderException | java.io.IOException e) {
        throw new GeneralSecurityException(
            "Cannot open and log in to the SoftHSM2 token "
                + where
                + " (SOFTHSM2_CONF="
                + System.getenv("SOFTHSM2_CONF")
                + ")",
            e);
      }
      token = provider;
    }
    return token;
  }
}
