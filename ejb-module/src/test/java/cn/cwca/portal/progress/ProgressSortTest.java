package cn.cwca.portal.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressSortTest {

  @Test
  void defaultIsNewestFirst() {
    assertEquals(" ORDER BY a.submittedAt DESC, a.id DESC", ProgressSort.newestFirst().orderBy());
  }

  @Test
  void otherColumnsBreakTiesNewestFirst() {
    assertTrue(
        new ProgressSort(ProgressSort.Field.SERVICE_TYPE, true)
            .orderBy()
            .equals(" ORDER BY a.serviceType ASC, a.submittedAt DESC, a.id DESC"));
  }

  @Test
  void paymentStatusSortsUnpaidOrdersTogetherWhateverTheirStatusIsCalled() {
    String clause = new ProgressSort(ProgressSort.Field.PAYMENT_STATUS, true).orderBy();
    String unpaid =
        "WHEN a.status IN (cn.cwca.portal.application.OrderStatus.DRAFT,"
            + " cn.cwca.portal.application.OrderStatus.AWAITING_PAYMENT,"
            + " cn.cwca.portal.application.OrderStatus.CANCELLED) THEN 0";
    assertTrue(clause.startsWith(" ORDER BY CASE " + unpaid + " WHEN"), clause);
    assertTrue(clause.endsWith(" END ASC, a.submittedAt DESC, a.id DESC"), clause);
  }

  @Test
  void reviewStatusShowsAwaitingPaymentAndAwaitingReviewAsOnePending() {
    String clause = new ProgressSort(ProgressSort.Field.REVIEW_STATUS, false).orderBy();
    assertTrue(
        clause.contains(
            "WHEN a.status IN (cn.cwca.portal.application.OrderStatus.AWAITING_PAYMENT,"
                + " cn.cwca.portal.application.OrderStatus.AWAITING_REVIEW,"
                + " cn.cwca.portal.application.OrderStatus.AWAITING_SECOND_REVIEW) THEN 0"),
        clause);
  }
}
