package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.progress.ProgressSort;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class ProgressModelTest {

  @Test
  void noSortMeansNewestFirst() {
    assertTrue(ProgressModel.sort(null).isEmpty());
    assertTrue(ProgressModel.sort(Map.of()).isEmpty());
  }

  @Test
  void sortedColumnBecomesTheServiceSort() {
    SortMeta meta = SortMeta.builder().field("reviewStatus").order(SortOrder.ASCENDING).build();
    assertEquals(
        new ProgressSort(ProgressSort.Field.REVIEW_STATUS, true),
        ProgressModel.sort(Map.of("reviewStatus", meta)).orElseThrow());
  }

  @Test
  void unknownOrUnsortedColumnsAreIgnored() {
    SortMeta unknown = SortMeta.builder().field("publicId").order(SortOrder.DESCENDING).build();
    SortMeta unsorted = SortMeta.builder().field("submittedAt").order(SortOrder.UNSORTED).build();
    assertTrue(ProgressModel.sort(Map.of("a", unknown, "b", unsorted)).isEmpty());
  }
}
