package cn.cwca.portal.web.admin;

import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.web.BeijingTimeConverter;
import java.io.IOException;
import java.io.Writer;

/**
 * The audit trail as CSV (RFC 4180, UTF-8 with a byte order mark so that Excel reads the Chinese
 * text). A value that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage
 * return) is prefixed with an apostrophe.
 */
final class AuditCsv {

  private AuditCsv() {}

  static void header(Writer out, String... names) throws IOException {
    out.write('\uFEFF');
    row(out, (Object[]) names);
  }

  static void entry(Writer out, AuditEntry e) throws IOException {
    row(
        out,
        e.getSeq(),
        BeijingTimeConverter.format(e.getOccurredAt()),
        e.getActor(),
        e.getAction(),
        e.getTarget(),
        e.getDetails(),
        e.getRemoteAddress());
  }

  static void row(Writer out, Object... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(values[i]));
    }
    out.write("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
