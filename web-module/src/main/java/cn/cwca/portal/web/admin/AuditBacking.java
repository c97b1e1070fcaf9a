package cn.cwca.portal.web.admin;

import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditFilter;
import cn.cwca.portal.audit.AuditTrail;
import cn.cwca.portal.audit.AuditVerdict;
import cn.cwca.portal.common.BeijingDays;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * /admin/audit.xhtml: 审计日志, the audit trail newest first, filtered by who, what, target and days
 * (Beijing time); exported as CSV; and 校验, the verification of its hash chain.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The {@code messages} key of the warning that the chaining is not running. */
  static final String CHAINING_STALLED = "audit.chain.stalled";

  /** Entries per query of the CSV export. */
  static final int EXPORT_BATCH = 1_000;

  @Inject private AuditTrail auditTrail;

  private String actor;
  private String action;
  private String target;
  private LocalDate from;
  private LocalDate to;

  /** The filter of the table, applied by 查询. */
  private AuditFilter filter = new AuditFilter();

  private AuditVerdict verdict;

  private final LazyDataModel<AuditEntry> entries = new AuditPages();

  /** 查询: applies the filters. */
  public void search() {
    if (from != null && to != null && to.isBefore(from)) {
      FacesMessages.addErrorLabel("audit.filter.badRange");
      return;
    }
    filter = filter(actor, action, target, from, to);
  }

  /** 重置: clears the filters. */
  public void reset() {
    actor = null;
    action = null;
    target = null;
    from = null;
    to = null;
    filter = new AuditFilter();
  }

  /** The service's filter: the days are Beijing days, the trail's times UTC. */
  static AuditFilter filter(
      String actor, String action, String target, LocalDate from, LocalDate to) {
    AuditFilter f = new AuditFilter();
    f.setActor(actor);
    f.setAction(action);
    f.setTarget(target);
    f.setFrom(from == null ? null : BeijingDays.startUtc(from));
    f.setUntil(to == null ? null : BeijingDays.startUtc(to.plusDays(1)));
    return f;
  }

  /** 校验: verifies the whole chain and says what it found. */
  public void verify() {
    try {
      verdict = auditTrail.verify();
    } catch (BusinessException refusal) {
      verdict = null;
      FacesMessages.addError(refusal);
      return;
    }
    if (verdict.intact()) {
      FacesMessages.addInfoLabel(verdictKey(verdict), verdict.entries());
    } else {
      FacesMessages.addErrorLabel(verdictKey(verdict), verdict.seq());
    }
    if (verdict.chainingStalled()) {
      FacesMessages.addWarnMessage(CHAINING_STALLED, verdict.stale());
    }
  }

  /** The label saying what 校验 found: audit.verify.intact or audit.verify.PROBLEM. */
  static String verdictKey(AuditVerdict verdict) {
    return verdict.intact() ? "audit.verify.intact" : "audit.verify." + verdict.problem().name();
  }

  /** What the last 校验 found, in words; empty before the first. */
  public String getVerdictText() {
    if (verdict == null) {
      return "";
    }
    return FacesMessages.label(
        verdictKey(verdict), verdict.intact() ? verdict.entries() : verdict.seq());
  }

  /** The signed heads the last 校验 checked, and the entries still to chain. */
  public String getHeadsText() {
    if (verdict == null) {
      return "";
    }
    String heads =
        FacesMessages.label("audit.verify.heads", verdict.signedHeads(), verdict.lastSignedSeq());
    return verdict.unchained() == 0
        ? heads
        : heads + FacesMessages.label("audit.verify.unchained", verdict.unchained());
  }

  /**
   * The warning that entries have waited for the chain longer than the chaining ever takes; empty
   * when none have.
   */
  public String getChainingText() {
    if (verdict == null || !verdict.chainingStalled()) {
      return "";
    }
    return FacesMessages.message(CHAINING_STALLED, verdict.stale());
  }

  /** 签名链头: signs the head of the chain with the CA's key now. */
  public void signHead() {
    try {
      long seq = auditTrail.signHeadNow();
      if (seq == 0) {
        FacesMessages.addInfoLabel("audit.sign.alreadySigned");
      } else {
        FacesMessages.addInfoLabel("audit.sign.signed", seq);
      }
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** 导出CSV: streams the entries the filter selects, batch by batch. */
  public void exportCsv() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("text/csv; charset=UTF-8");
    external.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"audit.csv\"; filename*=UTF-8''audit.csv");
    try (Writer out =
        new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8)) {
      AuditCsv.header(
          out,
          FacesMessages.label("audit.seq"),
          FacesMessages.label("audit.occurredAt"),
          FacesMessages.label("audit.actor"),
          FacesMessages.label("audit.action"),
          FacesMessages.label("audit.target"),
          FacesMessages.label("audit.details"),
          FacesMessages.label("audit.remoteAddress"));
      int first = 0;
      List<AuditEntry> batch;
      do {
        batch = auditTrail.search(filter, first, EXPORT_BATCH);
        for (AuditEntry e : batch) {
          AuditCsv.entry(out, e);
        }
        first += batch.size();
      } while (batch.size() == EXPORT_BATCH);
    }
    faces.responseComplete();
  }

  public LazyDataModel<AuditEntry> getEntries() {
    return entries;
  }

  public AuditVerdict getVerdict() {
    return verdict;
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

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  /** One page of the filtered trail per request. */
  private class AuditPages extends LazyDataModel<AuditEntry> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, auditTrail.count(filter));
    }

    @Override
    public List<AuditEntry> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return auditTrail.search(filter, first, pageSize);
    }

    @Override
    public String getRowKey(AuditEntry entry) {
      return String.valueOf(entry.getId());
    }
  }
}
