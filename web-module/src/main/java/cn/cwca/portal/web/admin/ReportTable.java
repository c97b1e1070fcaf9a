package cn.cwca.portal.web.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A figure of 统计报表 as a table, for its chart and its CSV alike: the first column names the day,
 * month or stage, each further column is a series.
 *
 * @param columns the column headers, in the page's words
 * @param rows the rows, each as long as {@code columns}; numbers, text, or {@code null} where there
 *     is no value (a day without orders has no median)
 * @param summary a last row over the whole range that the CSV adds and the chart leaves out, or
 *     {@code null}
 */
record ReportTable(List<String> columns, List<List<Object>> rows, List<Object> summary)
    implements Serializable {

  /** Every column after the first ({@link ReportFigure}'s charted series). */
  static final int ALL = -1;

  ReportTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    summary = summary == null ? null : Collections.unmodifiableList(new ArrayList<>(summary));
  }

  /** The values of one column, every row. */
  List<Object> column(int index) {
    return rows.stream().map(r -> r.get(index)).toList();
  }
}
