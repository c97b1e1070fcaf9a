package cn.cwca.portal.web;

import cn.cwca.portal.common.Page;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The rows of a staff list (the finance desk's, the operators'), one page at a time from the
 * service, in the service's order; rows are keyed by 申请ID (an order appears once in each list).
 */
public class StaffListModel<T extends Serializable> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Reads a page of the list. */
  @FunctionalInterface
  public interface Loader<T extends Serializable> extends Serializable {
    Page<T> page(int first, int pageSize);
  }

  /** The 申请ID of a row. */
  @FunctionalInterface
  public interface Key<T> extends Serializable {
    String of(T row);
  }

  private final Loader<T> loader;
  private final Key<T> key;

  public StaffListModel(Loader<T> loader, Key<T> key) {
    this.loader = Objects.requireNonNull(loader);
    this.key = Objects.requireNonNull(key);
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) loader.page(0, 1).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Page<T> page = loader.page(first, pageSize);
    setRowCount((int) page.total());
    return page.rows();
  }

  @Override
  public String getRowKey(T row) {
    return key.of(row);
  }

  @Override
  public T getRowData(String rowKey) {
    List<T> rows = getWrappedData();
    return rows == null
        ? null
        : rows.stream().filter(r -> key.of(r).equals(rowKey)).findFirst().orElse(null);
  }
}
