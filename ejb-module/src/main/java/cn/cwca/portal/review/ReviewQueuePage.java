package cn.cwca.portal.review;

import java.io.Serializable;
import java.util.List;

/** One page of the review queue and the number of its rows in all (for the lazy grid). */
public record ReviewQueuePage(List<ReviewQueueRow> rows, long total) implements Serializable {

  public ReviewQueuePage {
    rows = List.copyOf(rows);
  }
}
