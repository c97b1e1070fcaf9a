package cn.cwca.portal.issuance;

import cn.cwca.portal.common.BusinessException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Proof that the caller's USB key holds a certificate's private key: the server gives a nonce for
 * one purpose, the key signs the {@link ProofText} of it through the key agent, and the server
 * checks the signature with the certificate's public key. A nonce is single use and valid {@value
 * #VALID_MINUTES} minutes, so a signature cannot be replayed. The caller is named by the calling
 * service (which may run as another identity towards the CA).
 *
 * <p>A nonce answers only its purpose: the purpose separates the uses of the same signed text (the
 * 制证 of an order, the certificate read from the key at step 1 of an application, a staff member's
 * login with a USB key), so a signature made for one can never serve another.
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

  /**
   * An open challenge: its id (what a session may hold in place of the nonce), the caller it was
   * given to, the nonce (base64) and when it expires (UTC).
   */
  public record Challenge(long id, String caller, String nonce, LocalDateTime expiresAt)
      implements Serializable {}

  /** A new nonce (32 random bytes, base64) for this caller and purpose. */
  public String challenge(String caller, String purpose) {
    return open(caller, purpose).nonce();
  }

  /** A new challenge for this caller and purpose, with its id. */
  public Challenge open(String caller, String purpose) {
    return open(caller, purpose, Duration.ofMinutes(VALID_MINUTES));
  }

  /**
   * A new challenge for this caller and purpose, valid for {@code validFor} instead of {@value
   * #VALID_MINUTES} minutes: for a proof that the key makes at once but the server receives only
   * with a later request (step 1 of the application wizard sends it with the rest of the form).
   */
  public Challenge open(String caller, String purpose, Duration validFor) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String nonce = Base64.getEncoder().encodeToString(random);
    LocalDateTime now = LocalDateTime.now(clock);
    KeyChallenge challenge = new KeyChallenge(nonce, caller, purpose, now, now.plus(validFor));
    em.persist(challenge); // the sequence gives the id here
    return challengeOf(challenge);
  }

  /** The challenge with this id while it is open (unused, of this purpose, not expired). */
  public Optional<Challenge> find(long id, String purpose) {
    KeyChallenge challenge = em.find(KeyChallenge.class, id);
    return challenge != null && challenge.isOpen(purpose, LocalDateTime.now(clock))
        ? Optional.of(challengeOf(challenge))
        : Optional.empty();
  }

  /**
   * Spends the open challenge with this id for one proof, in the caller's transaction: a second
   * attempt with it, right or wrong, finds nothing. Empty when it is unknown, used, of another
   * purpose or expired.
   */
  public Optional<Challenge> take(long id, String purpose) {
    KeyChallenge challenge = em.find(KeyChallenge.class, id, LockModeType.PESSIMISTIC_WRITE);
    LocalDateTime now = LocalDateTime.now(clock);
    if (challenge == null || !challenge.isOpen(purpose, now)) {
      return Optional.empty();
    }
    challenge.use(now);
    return Optional.of(challengeOf(challenge));
  }

  /**
   * Whether the proof answers the challenge (a {@link #take taken} one): its nonce, an accepted
   * algorithm, and a signature of the {@link ProofText} by the key of this certificate.
   */
  public boolean answers(
      Challenge challenge, KeyProof proof, String origin, byte[] certificateDer) {
    return proof != null
        && challenge.nonce().equals(proof.nonce())
        && proof.signatureBase64() != null
        && ALGORITHMS.contains(proof.algorithm())
        && signs(proof, origin, certificateDer);
  }

  private static Challenge challengeOf(KeyChallenge c) {
    return new Challenge(c.id(), c.loginName(), c.nonce(), c.expiresAt());
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
