package cn.cwca.portal.web.applicant;

import cn.cwca.portal.progress.ProgressFilter;
import cn.cwca.portal.progress.ProgressPage;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import cn.cwca.portal.progress.ProgressSort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The rows of 进度查询, one page at a time from {@link ProgressService#page}: the caller's submitted
 * orders that pass the filters, newest first unless a column is sorted. Rows are keyed by 申请ID.
 */
class ProgressModel extends LazyDataModel<ProgressRow> {

  private static final long serialVersionUID = 1L;

  /** The sortable columns by their {@code field}. */
  private static final Map<String, ProgressSort.Field> FIELDS =
      Map.of(
          "submittedAt", ProgressSort.Field.SUBMITTED_AT,
          "serviceType", ProgressSort.Field.SERVICE_TYPE,
          "reviewStatus", ProgressSort.Field.REVIEW_STATUS,
          "paymentStatus", ProgressSort.Field.PAYMENT_STATUS);

  private final ProgressService progress;

  private ProgressFilter filter = ProgressFilter.NONE;

  ProgressModel(ProgressService progress) {
    this.progress = progress;
  }

  /** The filters of the grid's 查询 ({@code null}: none). */
  void filter(ProgressFilter newFilter) {
    filter = newFilter == null ? ProgressFilter.NONE : newFilter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) progress.page(0, 1, null, filter).total();
  }

  @Override
  public List<ProgressRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    ProgressPage page = progress.page(first, pageSize, sort(sortBy).orElse(null), filter);
    setRowCount((int) page.total());
    return page.rows();
  }

  /** The first active sort of a known column; none means newest first. */
  static Optional<ProgressSort> sort(Map<String, SortMeta> sortBy) {
    if (sortBy == null) {
      return Optional.empty();
    }
    return sortBy.values().stream()
        .filter(m -> m.getOrder() != null && m.getOrder() != SortOrder.UNSORTED)
        .filter(m -> m.getField() != null && FIELDS.containsKey(m.getField()))
        .findFirst()
        .map(m -> new ProgressSort(FIELDS.get(m.getField()), m.getOrder() == SortOrder.ASCENDING));
  }

  @Override
  public String getRowKey(ProgressRow row) {
    return row.publicId();
  }

  @Override
  public ProgressRow getRowData(String rowKey) {
    List<ProgressRow> rows = getWrappedData();
    return rows == null
        ? null
        : rows.stream().filter(r -> r.publicId().equals(rowKey)).findFirst().orElse(null);
  }
}
