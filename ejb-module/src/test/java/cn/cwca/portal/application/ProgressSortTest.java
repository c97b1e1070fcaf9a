package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressSortTest {

  @Test
  void defaultIsNewestFirst() {
    assertEquals(" ORDER BY a.submittedAt DESC, a.id DESC", ProgressSort.newestFirst().orderBy());
  }

  @Test
  void otherColumnsBreakTiesNewestFirst() {
    assertEquals(
        " ORDER BY a.reviewStatus ASC, a.submittedAt DESC, a.id DESC",
        new ProgressSort(ProgressSort.Field.REVIEW_STATUS, true).orderBy());
  }
}
