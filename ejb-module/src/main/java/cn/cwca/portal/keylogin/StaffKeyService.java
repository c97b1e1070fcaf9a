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
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * KEY登录设置 for administrators: which staff roles must log in with their USB key, and the certificate
 * bound to each staff member for it. Each change is one transaction with its audit entry (actor:
 * the administrator).
 *
 * <p>A certificate is bound by its serial in the registry, and only when this CA issued it and it
 * is neither revoked nor expired; its status is checked again at every login ({@link
 * KeyLoginService}), so a certificate revoked later refuses the login without being unbound.
 * Changes of a role's policy name the version the page showed; a changed policy is refused ({@code
 * staff.concurrentEdit}) rather than overwritten.
 */
@Stateless
@DeclareRoles("ADMIN")
@RolesAllowed("ADMIN")
public class StaffKeyService {

  /** Audit actions. */
  static final String POLICY_CHANGED = "keyLogin.policyChanged";

  static final String CERTIFICATE_BOUND = "keyLogin.certificateBound";
  static final String CERTIFICATE_UNBOUND = "keyLogin.certificateUnbound";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject AccountService accounts;

  @Inject CertificateRegistry registry;

  @Inject CertificateService certificates;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /** The policy of every staff role. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<RolePolicy> policies() {
    return em.createNamedQuery(RolePolicy.ALL, RolePolicy.class).getResultList();
  }

  /**
   * Requires the key at login of the role's members, or no longer; their sessions go on (the next
   * login asks for the key).
   *
   * @param version the version of the policy the page showed
   * @throws BusinessException {@code staff.roles.invalid} for a role that is not a staff role;
   *     {@code staff.concurrentEdit}
   */
  public RolePolicy requireKeyLogin(Role role, boolean required, long version, ClientInfo c) {
    RolePolicy policy = role == null ? null : em.find(RolePolicy.class, role);
    if (policy == null) {
      throw new BusinessException("staff.roles.invalid");
    }
    if (policy.getVersion() != version) {
      throw new BusinessException("staff.concurrentEdit");
    }
    boolean before = policy.isKeyLoginRequired();
    if (policy.requireKeyLogin(required, now())) {
      flush();
      audit.record(
          actor(),
          POLICY_CHANGED,
          "role:" + role.name(),
          "keyLoginRequired: " + before + " -> " + required,
          c);
    }
    return policy;
  }

  /** The certificates bound to staff members, by login name. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<LoginCertificate> certificates() {
    return em.createNamedQuery(LoginCertificate.ALL, LoginCertificate.class).getResultList();
  }

  /**
   * Binds the certificate with this serial to the staff member, in place of the one bound before.
   *
   * @throws BusinessException {@code staff.notFound}; {@code validation.required}, {@code
   *     keyLogin.serial}; {@code keyLogin.certificateUnknown}, {@code keyLogin.notThisCa}, {@code
   *     keyLogin.revoked}, {@code keyLogin.certificateExpired}
   */
  public LoginCertificate bind(String loginName, String serialHex, ClientInfo c) {
    Account account = staffMember(loginName);
    String serial = KeyLoginRules.serial(serialHex);
    CertificateRecord certificate = registry.findBySerial(serial).orElse(null);
    KeyLoginRules.refusal(
            certificate,
            certificate != null && certificates.issuedByThisCa(certificate.getDer()),
            now())
        .ifPresent(
            refusal -> {
              throw new BusinessException(refusal);
            });
    String name = account.getLoginName();
    LoginCertificate bound = em.find(LoginCertificate.class, name);
    String before = bound == null ? "-" : bound.getSerialHex();
    if (serial.equals(before)) {
      return bound;
    }
    if (bound == null) {
      bound = new LoginCertificate(name, serial, actor(), now());
      em.persist(bound);
    } else {
      bound.rebind(serial, actor(), now());
    }
    flush();
    audit.record(
        actor(),
        CERTIFICATE_BOUND,
        name,
        "serial: " + before + " -> " + serial + ", subject=" + certificate.getSubjectDn(),
        c);
    return bound;
  }

  /**
   * Unbinds the staff member's certificate: while a role of theirs requires the key, they cannot
   * log in until another is bound.
   *
   * @throws BusinessException {@code staff.notFound}
   */
  public void unbind(String loginName, ClientInfo c) {
    String name = staffMember(loginName).getLoginName();
    LoginCertificate bound = em.find(LoginCertificate.class, name);
    if (bound == null) {
      return;
    }
    em.remove(bound);
    flush();
    audit.record(
        actor(), CERTIFICATE_UNBOUND, name, "serial: " + bound.getSerialHex() + " -> -", c);
  }

  private Account staffMember(String loginName) {
    return accounts
        .find(loginName)
        .filter(account -> account.getType() == AccountType.STAFF)
        .orElseThrow(() -> new BusinessException("staff.notFound"));
  }

  /** Writes now, so that a change racing with this one is refused instead of overwritten. */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("staff.concurrentEdit");
    } catch (PersistenceException e) {
      // another administrator bound a certificate to this staff member in the meantime
      throw new BusinessException("staff.concurrentEdit");
    }
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
