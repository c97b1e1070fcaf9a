package cn.cwca.portal.progress;

import java.io.Serializable;
import java.util.List;

/** One page of 进度查询 and the number of rows of all pages (for the lazy grid's paginator). */
public record ProgressPage(List<ProgressRow> rows, long total) implements Serializable {

  public ProgressPage {
    rows = List.copyOf(rows);
  }
}
