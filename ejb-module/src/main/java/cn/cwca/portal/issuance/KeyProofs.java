package cn.cwca.portal.issuance;

import cn.cwca.portal.common.BusinessException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Set;

/**
 * Proof that the caller's USB key holds a certificate's private key: the server gives a nonce for
 * one purpose, the key signs the {@link ProofText} of it through the key agent, and the server
 * checks the signature with the certificate's public key. A nonce is single use and valid {@value
 * #VALID_MINUTES} minutes, so a signature cannot be replayed. The caller is named by the calling
 * service (which may run as another identity towards the CA).
 */
@Stateless
@PermitAll
public class KeyProofs {

  static final int VALID_MINUTES = 5;

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Set<String> ALGORITHMS = Set.of("SHA256withRSA", "SHA256withECDSA");

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** A new nonce (32 random bytes, base64) for this caller and purpose. */
  public String challenge(String caller, String purpose) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String nonce = Base64.getEncoder().encodeToString(random);
    LocalDateTime now = LocalDateTime.now(clock);
    em.persist(
        new KeyChallenge(nonce, caller, purpose, now, now.plus(Duration.ofMinutes(VALID_MINUTES))));
    return nonce;
  }

  /**
   * Checks a proof of this caller for this purpose, and spends its nonce (in the caller's
   * transaction: the nonce stays unspent if that transaction fails).
   *
   * @param origin the portal's public origin: the page that asked the agent had it
   * @param certificateDer the certificate whose key must have signed
   * @throws BusinessException {@code issuance.proofRequired}, {@code issuance.proofExpired}
   *     (unknown, used, another caller's or purpose's, or too old), {@code issuance.proofInvalid}
   */
  public void verify(
      String caller, KeyProof proof, String purpose, String origin, byte[] certificateDer) {
    if (proof == null || proof.nonce() == null || proof.signatureBase64() == null) {
      throw new BusinessException("issuance.proofRequired");
    }
    KeyChallenge challenge =
        em.createNamedQuery(KeyChallenge.BY_NONCE, KeyChallenge.class)
            .setParameter("nonce", proof.nonce())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new BusinessException("issuance.proofExpired"));
    LocalDateTime now = LocalDateTime.now(clock);
    if (!challenge.answers(caller, purpose, now)) {
      throw new BusinessException("issuance.proofExpired");
    }
    if (!ALGORITHMS.contains(proof.algorithm()) || !signs(proof, origin, certificateDer)) {
      throw new BusinessException("issuance.proofInvalid");
    }
    challenge.use(now);
  }

  private static boolean signs(KeyProof proof, String origin, byte[] certificateDer) {
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(certificateDer));
      Signature verifier = Signature.getInstance(proof.algorithm());
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(ProofText.of(origin, proof.nonce()));
      return verifier.verify(Base64.getDecoder().decode(proof.signatureBase64()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
