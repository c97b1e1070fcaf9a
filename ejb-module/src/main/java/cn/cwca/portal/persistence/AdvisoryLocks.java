package cn.cwca.portal.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks held until the current transaction ends: requests that must count or
 * change one thing one after the other (the attempts of one login name, the codes of one mobile
 * number, the registrations of one address) wait for each other on every server of the cluster.
 */
public final class AdvisoryLocks {

  private AdvisoryLocks() {}

  /**
   * Waits for, then holds until commit or rollback, the lock of {@code key} within {@code scope}
   * (both hashed with PostgreSQL's {@code hashtext}).
   */
  public static void holdUntilCommit(EntityManager em, String scope, String key) {
    em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1), hashtext(?2))")
        .setParameter(1, scope)
        .setParameter(2, key)
        .getSingleResult();
  }
}
