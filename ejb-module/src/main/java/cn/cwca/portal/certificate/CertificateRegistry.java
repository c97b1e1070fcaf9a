package cn.cwca.portal.certificate;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the registry of issued certificates: an owner's certificates, one by serial. */
@Stateless
@PermitAll
public class CertificateRegistry {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** The owner's certificates that are neither revoked nor expired, the longest-lived first. */
  public List<CertificateRecord> validCertificatesOf(String ownerLoginName) {
    return em.createNamedQuery(CertificateRecord.VALID_OF_OWNER, CertificateRecord.class)
        .setParameter("owner", ownerLoginName)
        .setParameter("now", LocalDateTime.now(clock))
        .getResultList();
  }

  /** All certificates of the owner, newest first. */
  public List<CertificateRecord> certificatesOf(String ownerLoginName) {
    return em.createNamedQuery(CertificateRecord.OF_OWNER, CertificateRecord.class)
        .setParameter("owner", ownerLoginName)
        .getResultList();
  }

  /**
   * The certificate with this serial if it belongs to the owner; empty otherwise (never someone
   * else's).
   */
  public Optional<CertificateRecord> findOwned(String ownerLoginName, String serialHex) {
    return findBySerial(serialHex).filter(c -> c.getOwnerLoginName().equals(ownerLoginName));
  }

  /**
   * The key id of the issuing CA of the oldest certificate whose issuer is recorded: the issuer of
   * the certificates from before per-issuer CRL URLs, which name {@code /ca/issuing-ca.crl}.
   */
  public Optional<String> oldestIssuerKeyId() {
    return em.createNamedQuery(CertificateRecord.ISSUERS_BY_AGE, String.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * The revoked certificates of one issuing CA, in the order of revocation; with {@code current},
   * also those whose issuer is not recorded (the current issuing CA's).
   */
  public List<CertificateRecord> revokedOf(String issuerKeyId, boolean current) {
    return em.createNamedQuery(
            current
                ? CertificateRecord.REVOKED_OF_CURRENT_ISSUER
                : CertificateRecord.REVOKED_OF_ISSUER,
            CertificateRecord.class)
        .setParameter("issuer", issuerKeyId)
        .getResultList();
  }

  public Optional<CertificateRecord> findBySerial(String serialHex) {
    if (serialHex == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(CertificateRecord.BY_SERIAL, CertificateRecord.class)
        .setParameter("serial", serialHex.strip().toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }
}
