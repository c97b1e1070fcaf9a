package cn.cwca.portal.web.admin;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.report.Dashboard;
import cn.cwca.portal.report.ReportRange;
import cn.cwca.portal.report.ReportService;
import cn.cwca.portal.report.Revenue;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * /admin/reports.xhtml: 统计报表 over a range of Beijing days (the last 30 by default), each figure a
 * chart with its CSV. The 系统管理员 sees every figure; 财务 the revenue only (ReportService refuses them
 * the others).
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ReportService reportService;

  private LocalDate from;
  private LocalDate to;

  /** Whether the caller sees every figure (系统管理员), or the revenue only (财务). */
  private boolean everyFigure;

  /** The range of the figures shown, which the CSVs export. */
  private ReportRange shown;

  private Dashboard dashboard;
  private Revenue revenue;

  private final Map<ReportFigure, ReportTable> tables = new EnumMap<>(ReportFigure.class);

  @PostConstruct
  void open() {
    everyFigure = FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
    ReportRange range = ReportRange.lastDays(Clock.systemUTC(), ReportRange.DEFAULT_DAYS);
    from = range.from();
    to = range.to();
    load(range);
  }

  /** 查询: the figures of the chosen days. */
  public void show() {
    try {
      load(new ReportRange(from, to));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  private void load(ReportRange range) {
    tables.clear();
    try {
      if (everyFigure) {
        dashboard = reportService.dashboard(range);
        revenue = dashboard.revenue();
      } else {
        dashboard = null;
        revenue = reportService.revenue(range);
      }
      shown = range;
    } catch (BusinessException refusal) {
      dashboard = null;
      revenue = null;
      shown = null;
      FacesMessages.addError(refusal);
    }
  }

  /** Whether the figure has figures to show: read, and the caller's. */
  public boolean isShown(String figure) {
    ReportFigure f = ReportFigure.valueOf(figure);
    return f.revenue() ? revenue != null : dashboard != null;
  }

  /** The figure's Chart.js configuration, for {@code p:chart}. */
  public String chart(String figure) {
    ReportFigure f = ReportFigure.valueOf(figure);
    return ReportCharts.config(f, table(f));
  }

  /** 导出CSV of one figure, over the days shown. */
  public void exportCsv(String figure) throws IOException {
    ReportFigure f = ReportFigure.valueOf(figure);
    if (!isShown(figure)) {
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    String fileName = f.fileName(shown.from(), shown.to());
    external.responseReset();
    external.setResponseContentType("text/csv; charset=UTF-8");
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + fileName);
    try (Writer out =
        new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8)) {
      ReportCsv.write(out, table(f));
    }
    faces.responseComplete();
  }

  private ReportTable table(ReportFigure f) {
    return tables.computeIfAbsent(
        f, x -> x.table(dashboard, revenue, FacesMessages::label, FacesMessages::message));
  }

  /** The line over the whole range above a figure that has one (revenue, lead times), in words. */
  public String summary(String figure) {
    ReportFigure f = ReportFigure.valueOf(figure);
    ReportTable t = table(f);
    return t.summary() == null ? "" : ReportFigure.summary(f, t.summary(), FacesMessages::label);
  }

  public boolean isEveryFigure() {
    return everyFigure;
  }

  public Dashboard getDashboard() {
    return dashboard;
  }

  public Revenue getRevenue() {
    return revenue;
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
}
