package cn.cwca.portal.web.admin;

import java.util.List;

/**
 * A {@link ReportTable} as the Chart.js configuration that {@code p:chart} renders (the value of
 * its widget, inside the page's nonce'd script, so no script is written by hand). The first column
 * gives the labels, each further one a dataset; colours come from Chart.js's own palette.
 */
final class ReportCharts {

  private ReportCharts() {}

  static String config(ReportFigure figure, ReportTable table) {
    StringBuilder json = new StringBuilder(256 + table.rows().size() * 64);
    json.append("{\"type\":").append(string(figure.chartType())).append(",\"data\":{\"labels\":");
    array(json, table.column(0));
    json.append(",\"datasets\":[");
    for (int i = 1; i <= figure.series(table); i++) {
      if (i > 1) {
        json.append(',');
      }
      json.append("{\"label\":").append(string(table.columns().get(i))).append(",\"data\":");
      array(json, table.column(i));
      json.append('}');
    }
    json.append("]},\"options\":{\"animation\":false,\"maintainAspectRatio\":false");
    if (figure.stacked()) {
      json.append(",\"scales\":{\"x\":{\"stacked\":true},\"y\":{\"stacked\":true}}");
    }
    json.append("}}");
    return json.toString();
  }

  private static void array(StringBuilder json, List<Object> values) {
    json.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      Object v = values.get(i);
      if (v == null) {
        json.append("null");
      } else if (v instanceof Number n) {
        json.append(n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString());
      } else {
        json.append(string(v.toString()));
      }
    }
    json.append(']');
  }

  /**
   * A JSON string that is also safe inside a script element: {@code <}, {@code >} and {@code &} are
   * escaped, so no text can close the script.
   */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20
              || ch == '<'
              || ch == '>'
              || ch == '&'
              || ch == '\u2028'
              || ch == '\u2029') {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
