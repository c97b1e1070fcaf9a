package cn.cwca.portal.review;

import java.io.Serializable;
import java.util.List;

/**
 * One page of the review queue and the number of its rows in all (for the lazy grid).
 *
 * @param rows the page
 * @param total the rows of the queue; when not {@code totalExact}, a lower bound: the queue holds
 *     more than {@code total} rows (the grid shows "1000+"), and a page nearer its end counts on
 * @param totalExact whether {@code total} is the exact number
 */
public record ReviewQueuePage(List<ReviewQueueRow> rows, long total, boolean totalExact)
    implements Serializable {

  public ReviewQueuePage {
    rows = List.copyOf(rows);
  }
}
