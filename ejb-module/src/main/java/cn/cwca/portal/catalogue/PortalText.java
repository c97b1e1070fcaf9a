package cn.cwca.portal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDateTime;

/** A text applicants read (用户责任声明, the 取key方式 explanations, 客服电话), edited by the administrators. */
@Entity
@Table(name = "portal_text")
@NamedQuery(name = PortalText.ALL, query = "SELECT t FROM PortalText t ORDER BY t.key")
public class PortalText implements Serializable {

  static final String ALL = "PortalText.all";

  private static final long serialVersionUID = 1L;

  /** A {@link PortalTextKey}'s name (a String id: enum ids are not portable JPA). */
  @Id
  @Column(name = "text_key", length = 40)
  private String key;

  @Column(name = "content", nullable = false, length = 4000)
  private String content;

  @Version
  @Column(name = "version")
  private long version;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  @Column(name = "updated_by", length = 64)
  private String updatedBy;

  protected PortalText() {}

  public PortalTextKey getKey() {
    return PortalTextKey.valueOf(key);
  }

  public String getContent() {
    return content;
  }

  void change(String content, String by, LocalDateTime at) {
    this.content = content;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public long getVersion() {
    return version;
  }

  /** UTC; {@code null} while it is the seeded text. */
  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
