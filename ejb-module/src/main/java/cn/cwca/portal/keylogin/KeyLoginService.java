package cn.cwca.portal.keylogin;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.KeyProofs;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The login's second step for staff whose roles require the USB key. After the password was right,
 * {@link #keyStepFor} gives a challenge ({@link KeyProofs}, purpose {@link KeyLoginRules#PURPOSE},
 * bound to the login name) instead of a login; the web tier keeps only its id in the session, which
 * is not logged in meanwhile. The page has the key agent sign the nonce with the key of the bound
 * certificate ({@link #pending}), and {@link #complete} logs in when the signature verifies with
 * that certificate, this CA issued it, and the registry has it neither revoked nor expired.
 *
 * <p>Open to every caller: the caller is not logged in yet. Only the web tier's authentication
 * mechanism calls it, with the id it gave the session after the password. Each challenge allows one
 * attempt, right or wrong, and both outcomes are audited.
 */
@Stateless
@PermitAll
public class KeyLoginService {

  /** Audit actions. */
  static final String KEY_SUCCEEDED = "login.keySucceeded";

  static final String KEY_REFUSED = "login.keyRefused";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AccountService accounts;

  @Inject KeyProofs proofs;

  @Inject CertificateRegistry registry;

  @Inject CertificateService certificates;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /**
   * After the password of this login name was right: the key step (its challenge and the account's
   * credentials version) when a role of the account requires the key, empty when the password alone
   * logs in.
   *
   * @throws BusinessException {@code keyLogin.notBound} when the key is required but no certificate
   *     is bound to the account: it cannot log in until an administrator binds one
   */
  public Optional<KeyStep> keyStepFor(String loginName) {
    Account account = staffMember(loginName).orElse(null);
    if (account == null || !KeyLoginRules.keyRequired(account.getRoles(), rolesRequiringKey())) {
      return Optional.empty();
    }
    if (em.find(LoginCertificate.class, account.getLoginName()) == null) {
      throw new BusinessException("keyLogin.notBound");
    }
    return Optional.of(
        new KeyStep(
            proofs.open(account.getLoginName(), KeyLoginRules.PURPOSE).id(),
            account.getCredentialsVersion()));
  }

  /**
   * The key step of the challenge with this id, while it is open.
   *
   * @throws BusinessException {@code keyLogin.expired} (unknown, used or too old: log in again);
   *     {@code keyLogin.notBound}; {@code keyLogin.certificateUnknown}
   */
  public PendingKeyLogin pending(long challengeId) {
    KeyProofs.Challenge challenge =
        proofs
            .find(challengeId, KeyLoginRules.PURPOSE)
            .orElseThrow(() -> new BusinessException("keyLogin.expired"));
    CertificateRecord certificate =
        boundCertificate(challenge.caller())
            .orElseThrow(() -> new BusinessException("keyLogin.certificateUnknown"));
    return new PendingKeyLogin(
        challenge.caller(),
        challenge.nonce(),
        KeyLoginRules.serialOf(certificate.getDer()),
        challenge.expiresAt());
  }

  /**
   * Completes the login of this key step with the key's proof, and spends its challenge whatever
   * the outcome; refused as expired when the account's password was changed or reset since the
   * password step. Audited both ways ({@code login.keySucceeded}, {@code login.keyRefused} with the
   * reason's message key).
   *
   * @param origin the portal's public origin: the page that asked the agent had it
   * @return the account, or the refusal: {@code keyLogin.expired}, {@code login.disabled}, {@code
   *     keyLogin.notBound}, {@code keyLogin.certificateUnknown}, {@code keyLogin.notThisCa}, {@code
   *     keyLogin.revoked}, {@code keyLogin.certificateExpired}, {@code keyLogin.proofInvalid}
   */
  public KeyLoginResult complete(KeyStep step, KeyProof proof, String origin, ClientInfo c) {
    Optional<KeyProofs.Challenge> taken = proofs.take(step.challengeId(), KeyLoginRules.PURPOSE);
    if (taken.isEmpty()) {
      audit.record("", KEY_REFUSED, "", "keyLogin.expired", c);
      return KeyLoginResult.refused("keyLogin.expired");
    }
    KeyProofs.Challenge challenge = taken.get();
    String name = challenge.caller();
    Optional<Account> account = staffMember(name);
    if (account.isEmpty()) {
      return refuse(name, "-", "keyLogin.expired", c);
    }
    if (account.get().isDisabled()) {
      return refuse(name, "-", "login.disabled", c);
    }
    if (account.get().getCredentialsVersion() != step.credentialsVersion()) {
      // the password was changed or reset after the password step
      return refuse(name, "-", "keyLogin.expired", c);
    }
    LoginCertificate bound = em.find(LoginCertificate.class, name);
    if (bound == null) {
      return refuse(name, "-", "keyLogin.notBound", c);
    }
    CertificateRecord certificate = registry.findBySerial(bound.getSerialHex()).orElse(null);
    Optional<String> refusal =
        KeyLoginRules.refusal(
            certificate,
            certificate != null && certificates.issuedByThisCa(certificate.getDer()),
            LocalDateTime.now(clock));
    if (refusal.isPresent()) {
      return refuse(name, bound.getSerialHex(), refusal.get(), c);
    }
    if (!proofs.answers(challenge, proof, origin, certificate.getDer())) {
      return refuse(name, bound.getSerialHex(), "keyLogin.proofInvalid", c);
    }
    audit.record(name, KEY_SUCCEEDED, name, "serial=" + bound.getSerialHex(), c);
    return KeyLoginResult.loggedIn(account.get());
  }

  private KeyLoginResult refuse(String name, String serial, String reason, ClientInfo c) {
    audit.record(name, KEY_REFUSED, name, "serial=" + serial + ", " + reason, c);
    return KeyLoginResult.refused(reason);
  }

  private Optional<CertificateRecord> boundCertificate(String loginName) {
    LoginCertificate bound = em.find(LoginCertificate.class, loginName);
    if (bound == null) {
      throw new BusinessException("keyLogin.notBound");
    }
    return registry.findBySerial(bound.getSerialHex());
  }

  private Optional<Account> staffMember(String loginName) {
    return accounts.find(loginName).filter(account -> account.getType() == AccountType.STAFF);
  }

  private Set<Role> rolesRequiringKey() {
    return em.createNamedQuery(RolePolicy.ALL, RolePolicy.class)
        .getResultStream()
        .filter(RolePolicy::isKeyLoginRequired)
        .map(RolePolicy::getRole)
        .collect(Collectors.toSet());
  }
}
