package cn.cwca.portal.audit;

import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the audit page filters by; blank fields do not filter. Actor and action match exactly or by
 * prefix ({@code account.} for every account action); the target (a login name, an order number,
 * {@code notice:<id>}) matches exactly.
 */
public class AuditFilter implements Serializable {

  private static final long serialVersionUID = 1L;

  private String actor;
  private String action;
  private String target;
  private LocalDateTime from;
  private LocalDateTime until;

  String where() {
    List<String> conditions = new ArrayList<>();
    if (present(actor)) {
      conditions.add("e.actor LIKE :actor ESCAPE '\\'");
    }
    if (present(action)) {
      conditions.add("e.action LIKE :action ESCAPE '\\'");
    }
    if (present(target)) {
      conditions.add("e.target = :target");
    }
    if (from != null) {
      conditions.add("e.occurredAt >= :from");
    }
    if (until != null) {
      conditions.add("e.occurredAt < :until");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  void bind(TypedQuery<?> query) {
    if (present(actor)) {
      query.setParameter("actor", prefix(actor));
    }
    if (present(action)) {
      query.setParameter("action", prefix(action));
    }
    if (present(target)) {
      query.setParameter("target", target.strip());
    }
    if (from != null) {
      query.setParameter("from", from);
    }
    if (until != null) {
      query.setParameter("until", until);
    }
  }

  /**
   * Exactly, or by prefix when it ends with '*' or '.'; LIKE's own wildcards are matched as such.
   */
  static String prefix(String value) {
    String v = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    if (v.endsWith("*")) {
      return v.substring(0, v.length() - 1) + "%";
    }
    return v.endsWith(".") ? v + "%" : v;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getUntil() {
    return until;
  }

  public void setUntil(LocalDateTime until) {
    this.until = until;
  }
}
