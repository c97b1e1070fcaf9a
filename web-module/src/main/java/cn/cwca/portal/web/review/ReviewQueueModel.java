package cn.cwca.portal.web.review;

import cn.cwca.portal.review.ReviewQueueFilter;
import cn.cwca.portal.review.ReviewQueuePage;
import cn.cwca.portal.review.ReviewQueueRow;
import cn.cwca.portal.review.ReviewService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The rows of the review queue, one page at a time from {@link ReviewService#queue} with the page's
 * filters, oldest submission first. Rows are keyed by 申请ID.
 */
class ReviewQueueModel extends LazyDataModel<ReviewQueueRow> {

  private static final long serialVersionUID = 1L;

  private final ReviewService reviews;
  private ReviewQueueFilter filter = ReviewQueueFilter.NONE;
  private String total = "0";

  ReviewQueueModel(ReviewService reviews) {
    this.reviews = Objects.requireNonNull(reviews);
  }

  /** The filters of the next pages. */
  void filter(ReviewQueueFilter filter) {
    this.filter = filter == null ? ReviewQueueFilter.NONE : filter;
  }

  ReviewQueueFilter filter() {
    return filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) reviews.queue(filter, 0, 1).total();
  }

  @Override
  public List<ReviewQueueRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    ReviewQueuePage page = reviews.queue(filter, first, pageSize);
    setRowCount((int) page.total());
    total = page.totalExact() ? Long.toString(page.total()) : page.total() + "+";
    return page.rows();
  }

  /**
   * The total of the last page loaded as the grid shows it: "37", or "1000+" when the queue holds
   * more than it counts (the paginator grows as the reviewer pages on).
   */
  String total() {
    return total;
  }

  @Override
  public String getRowKey(ReviewQueueRow row) {
    return row.publicId();
  }

  @Override
  public ReviewQueueRow getRowData(String rowKey) {
    List<ReviewQueueRow> rows = getWrappedData();
    return rows == null
        ? null
        : rows.stream().filter(r -> r.publicId().equals(rowKey)).findFirst().orElse(null);
  }
}
