package cn.cwca.portal.common;

import java.io.Serializable;
import java.util.List;

/** One page of a staff list and the number of rows of all pages (for a lazy grid's paginator). */
public record Page<T extends Serializable>(List<T> rows, long total) implements Serializable {

  public Page {
    rows = List.copyOf(rows);
  }
}
