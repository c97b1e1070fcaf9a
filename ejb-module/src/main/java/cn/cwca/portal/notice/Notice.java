package cn.cwca.portal.notice;

import cn.cwca.portal.common.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A notice or announcement. Published when created; it can be edited and withdrawn, never deleted,
 * so the audit trail always has something to point at. Timestamps are UTC.
 */
@Entity
@Table(name = "notice")
@NamedQuery(
    name = Notice.ALL,
    query = "SELECT n FROM Notice n ORDER BY n.publishedAt DESC, n.id DESC")
@NamedQuery(
    name = Notice.PUBLISHED,
    query =
        "SELECT n FROM Notice n WHERE n.withdrawn = FALSE ORDER BY n.publishedAt DESC, n.id DESC")
@NamedQuery(
    name = Notice.PUBLISHED_OF_KIND,
    query =
        "SELECT n FROM Notice n WHERE n.withdrawn = FALSE AND n.kind = :kind"
            + " ORDER BY n.publishedAt DESC, n.id DESC")
public class Notice implements Serializable {

  static final String ALL = "Notice.all";
  static final String PUBLISHED = "Notice.published";
  static final String PUBLISHED_OF_KIND = "Notice.publishedOfKind";

  /** Longest title. */
  public static final int MAX_TITLE = 200;

  /** Longest body. */
  public static final int MAX_BODY = 20_000;

  private static final long serialVersionUID = 1L;

  @Id
  @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
  private Long id;

  @Version private long version;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 20)
  private NoticeKind kind;

  @Column(name = "title", nullable = false, length = MAX_TITLE)
  private String title;

  @Column(name = "body", nullable = false, length = MAX_BODY)
  private String body;

  @Column(name = "published_at", nullable = false, updatable = false)
  private LocalDateTime publishedAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "withdrawn", nullable = false)
  private boolean withdrawn;

  @Column(name = "author", nullable = false, updatable = false, length = 64)
  private String author;

  protected Notice() {}

  /** A notice published at {@code now}; title and body are checked by {@link #edit}'s rules. */
  public Notice(NoticeKind kind, String title, String body, String author, LocalDateTime now) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.author = Objects.requireNonNull(author, "author");
    this.title = checkedTitle(title);
    this.body = checkedBody(body);
    this.publishedAt = now;
    this.updatedAt = now;
  }

  /**
   * Replaces title and body.
   *
   * @throws BusinessException {@code notice.withdrawn} when the notice was withdrawn; a validation
   *     key when title or body is missing or too long
   */
  public void edit(String newTitle, String newBody, LocalDateTime now) {
    if (withdrawn) {
      throw new BusinessException("notice.withdrawn");
    }
    this.title = checkedTitle(newTitle);
    this.body = checkedBody(newBody);
    this.updatedAt = now;
  }

  /** Takes the notice off the portal; returns whether it was published until now. */
  public boolean withdraw(LocalDateTime now) {
    if (withdrawn) {
      return false;
    }
    withdrawn = true;
    updatedAt = now;
    return true;
  }

  /** Whether the given version (the one the editor loaded) is still the current one. */
  public boolean isCurrentVersion(long loadedVersion) {
    return version == loadedVersion;
  }

  /** How the audit trail names this notice: {@code notice:<id>}. */
  public String auditTarget() {
    return "notice:" + id;
  }

  private static String checkedTitle(String value) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new BusinessException("validation.required");
    }
    if (text.length() > MAX_TITLE) {
      throw new BusinessException("notice.titleTooLong", String.valueOf(MAX_TITLE));
    }
    return text;
  }

  private static String checkedBody(String value) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new BusinessException("validation.required");
    }
    if (text.length() > MAX_BODY) {
      throw new BusinessException("notice.bodyTooLong", String.valueOf(MAX_BODY));
    }
    return text;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public NoticeKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  /** When it was published (UTC). */
  public LocalDateTime getPublishedAt() {
    return publishedAt;
  }

  /** When it was last edited or withdrawn (UTC). */
  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public boolean isWithdrawn() {
    return withdrawn;
  }

  /** Login name of the staff member who published it. */
  public String getAuthor() {
    return author;
  }

  @Override
  public String toString() {
    return "Notice[" + id + ", " + kind + ", v" + version + "]";
  }
}
