package cn.cwca.portal.application;

import cn.cwca.portal.common.BusinessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How the services find an application: always by 申请ID AND owner, so that another applicant's id
 * behaves exactly like an unknown one; and how a write conflict becomes a message.
 */
final class Applications {

  /** SQLSTATE of a unique constraint violation (PostgreSQL). */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String ONE_DRAFT_CONSTRAINT = "certificate_application_one_draft_uk";

  private Applications() {}

  /** The owner's application with this 申请ID, in any status. */
  static Optional<CertificateApplication> owned(EntityManager em, String owner, String publicId) {
    String id = PublicIds.normalize(publicId);
    if (id == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(CertificateApplication.OWNED, CertificateApplication.class)
        .setParameter("publicId", id)
        .setParameter("owner", owner)
        .getResultStream()
        .findFirst();
  }

  /**
   * The owner's application, locked until the transaction ends (SELECT ... FOR UPDATE), so that two
   * submissions or a submission and a cancellation run one after the other.
   */
  static Optional<CertificateApplication> lockedOwned(
      EntityManager em, String owner, String publicId) {
    String id = PublicIds.normalize(publicId);
    if (id == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(CertificateApplication.OWNED, CertificateApplication.class)
        .setParameter("publicId", id)
        .setParameter("owner", owner)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /**
   * The owner's draft.
   *
   * @throws BusinessException {@code application.notFound}; {@code application.notDraft} once
   *     submitted
   */
  static CertificateApplication ownedDraft(EntityManager em, String owner, String publicId) {
    CertificateApplication a =
        owned(em, owner, publicId).orElseThrow(() -> new BusinessException("application.notFound"));
    a.requireDraft();
    return a;
  }

  /**
   * The owner's application whose documents may change, locked until the transaction ends like
   * {@link #lockedOwned}: a draft, or an order rejected (驳回) that the applicant corrects before
   * resubmitting it. A document uploaded, replaced or deleted while the application is submitted
   * (or resubmitted) is then either in the order or known to be missing from it, never taken away
   * from an order after its check.
   *
   * @throws BusinessException {@code application.notFound}; {@code application.notDraft} in any
   *     other status
   */
  static CertificateApplication lockedOwnedWithEditableDocuments(
      EntityManager em, String owner, String publicId) {
    CertificateApplication a =
        lockedOwned(em, owner, publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (!a.isDraft() && a.getStatus() != OrderStatus.REJECTED) {
      throw new BusinessException("application.notDraft");
    }
    return a;
  }

  /**
   * The owner's draft as the page read it.
   *
   * @throws BusinessException {@code application.notFound}; {@code application.notDraft} once
   *     submitted; {@code application.concurrentEdit} when it has changed since the page read it
   */
  static CertificateApplication ownedDraft(EntityManager em, String owner, DraftRef shown) {
    CertificateApplication a = ownedDraft(em, owner, shown.publicId());
    if (a.getVersion() != shown.version()) {
      throw new BusinessException("application.concurrentEdit");
    }
    return a;
  }

  /** A submitted application by 申请ID, whoever owns it (staff only). */
  static Optional<CertificateApplication> submitted(EntityManager em, String publicId) {
    String id = PublicIds.normalize(publicId);
    if (id == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(CertificateApplication.BY_PUBLIC_ID, CertificateApplication.class)
        .setParameter("publicId", id)
        .getResultStream()
        .filter(a -> !a.isDraft())
        .findFirst();
  }

  /** A submitted application by 申请ID, whoever owns it, locked like {@link #lockedOwned}. */
  static Optional<CertificateApplication> lockedSubmitted(EntityManager em, String publicId) {
    String id = PublicIds.normalize(publicId);
    if (id == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(CertificateApplication.BY_PUBLIC_ID, CertificateApplication.class)
        .setParameter("publicId", id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .filter(a -> !a.isDraft())
        .findFirst();
  }

  /**
   * Writes now, so that a conflict ends in a message instead of a failed commit.
   *
   * @throws BusinessException {@code application.concurrentEdit} when another request changed the
   *     same row; {@code application.draftExists} when a second draft was started at the same time
   */
  static void flush(EntityManager em) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("application.concurrentEdit");
    } catch (PersistenceException e) {
      String message = uniqueViolation(e);
      if (message != null) {
        throw new BusinessException(
            message.contains(ONE_DRAFT_CONSTRAINT)
                ? "application.draftExists"
                : "application.concurrentEdit");
      }
      throw e;
    }
  }

  /** Target of the audit entries about an application. */
  static String auditTarget(CertificateApplication a) {
    return "application:" + a.getPublicId();
  }

  private static String uniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return String.valueOf(sql.getMessage());
      }
    }
    return null;
  }
}
