package cn.cwca.portal.notice;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Publishing, editing and withdrawing notices and announcements (administrators), and reading the
 * published ones (everybody). Each change is one transaction with its audit entry (target {@code
 * notice:<id>}).
 */
@Stateless
@DeclareRoles("ADMIN")
public class NoticeService {

  /** Audit actions. */
  static final String PUBLISHED = "notice.published";

  static final String EDITED = "notice.edited";
  static final String WITHDRAWN = "notice.withdrawn";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** Publishes a new notice or announcement now. */
  @RolesAllowed("ADMIN")
  public Notice publish(NoticeKind kind, String title, String body, String author, ClientInfo c) {
    if (kind == null) {
      throw new BusinessException("validation.required");
    }
    Notice notice = new Notice(kind, title, body, author, now());
    em.persist(notice);
    audit.record(author, PUBLISHED, notice.auditTarget(), kind + ": " + notice.getTitle(), c);
    return notice;
  }

  /**
   * Replaces title and body of the notice the editor loaded in version {@code version}.
   *
   * @throws BusinessException {@code notice.concurrentEdit} when someone changed it since; {@code
   *     notice.notFound}
   */
  @RolesAllowed("ADMIN")
  public Notice edit(
      long id, long version, String title, String body, String editor, ClientInfo c) {
    Notice notice = load(id);
    if (!notice.isCurrentVersion(version)) {
      throw new BusinessException("notice.concurrentEdit");
    }
    String oldTitle = notice.getTitle();
    notice.edit(title, body, now());
    flushDetectingConcurrentEdit();
    String details =
        oldTitle.equals(notice.getTitle())
            ? "body edited"
            : "title: " + oldTitle + " -> " + notice.getTitle();
    audit.record(editor, EDITED, notice.auditTarget(), details, c);
    return notice;
  }

  /** Takes the notice off the portal; withdrawing a withdrawn notice changes nothing. */
  @RolesAllowed("ADMIN")
  public void withdraw(long id, String editor, ClientInfo c) {
    Notice notice = load(id);
    if (notice.withdraw(now())) {
      flushDetectingConcurrentEdit();
      audit.record(editor, WITHDRAWN, notice.auditTarget(), notice.getTitle(), c);
    }
  }

  /** Every notice and announcement, withdrawn ones included, newest first. */
  @RolesAllowed("ADMIN")
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Notice> all() {
    return em.createNamedQuery(Notice.ALL, Notice.class).getResultList();
  }

  /** The newest published notice of the kind. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Notice> latest(NoticeKind kind) {
    return em.createNamedQuery(Notice.PUBLISHED_OF_KIND, Notice.class)
        .setParameter("kind", kind)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The newest published notices and announcements, at most {@code max}. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Notice> recentNotices(int max) {
    if (max <= 0) {
      return List.of();
    }
    return em.createNamedQuery(Notice.PUBLISHED, Notice.class).setMaxResults(max).getResultList();
  }

  private Notice load(long id) {
    Notice notice = em.find(Notice.class, id);
    if (notice == null) {
      throw new BusinessException("notice.notFound");
    }
    return notice;
  }

  /**
   * Another administrator may have committed between our read and our write: the version check
   * catches it.
   */
  private void flushDetectingConcurrentEdit() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("notice.concurrentEdit");
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
