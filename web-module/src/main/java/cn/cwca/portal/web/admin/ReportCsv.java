package cn.cwca.portal.web.admin;

import java.io.IOException;
import java.io.Writer;

/**
 * A figure of 统计报表 as CSV, written as the audit trail's ({@link AuditCsv}: UTF-8 with a byte order
 * mark, RFC 4180 quoting, formulas defused): the header, a row per day, month or stage, and the
 * whole range's row where the figure has one.
 */
final class ReportCsv {

  private ReportCsv() {}

  static void write(Writer out, ReportTable table) throws IOException {
    AuditCsv.header(out, table.columns().toArray(String[]::new));
    for (java.util.List<Object> row : table.rows()) {
      AuditCsv.row(out, row.toArray());
    }
    if (table.summary() != null) {
      AuditCsv.row(out, table.summary().toArray());
    }
  }
}
