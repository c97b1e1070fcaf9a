package cn.cwca.portal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * How the other areas (payment, review, 制证, delivery) find an order. Whether the caller may touch
 * it is theirs to check: {@link #owned} for an applicant's own order, the roles of the calling
 * service for staff.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Orders {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** A submitted order by 申请ID, whoever owns it. */
  public Optional<CertificateApplication> submitted(String publicId) {
    return Applications.submitted(em, publicId);
  }

  /** An order by its internal id (drafts included). */
  public Optional<CertificateApplication> byId(long id) {
    return Optional.ofNullable(em.find(CertificateApplication.class, id));
  }

  /** The owner's order with this 申请ID, in any status; empty for anyone else's. */
  public Optional<CertificateApplication> owned(String owner, String publicId) {
    return Applications.owned(em, owner, publicId);
  }

  /**
   * A submitted order by its internal id, locked until the transaction ends (SELECT ... FOR
   * UPDATE), so that two steps of one order run one after the other.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<CertificateApplication> lock(long id) {
    return Optional.ofNullable(
            em.find(CertificateApplication.class, id, LockModeType.PESSIMISTIC_WRITE))
        .filter(a -> !a.isDraft());
  }

  /** The owner's submitted order by 申请ID, locked like {@link #lock}. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<CertificateApplication> lockOwned(String owner, String publicId) {
    return Applications.lockedOwned(em, owner, publicId).filter(a -> !a.isDraft());
  }

  /** A submitted order by 申请ID, whoever owns it, locked like {@link #lock}. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<CertificateApplication> lockSubmitted(String publicId) {
    return Applications.lockedSubmitted(em, publicId);
  }
}
