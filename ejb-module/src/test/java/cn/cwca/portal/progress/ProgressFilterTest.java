package cn.cwca.portal.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.PaymentStatus;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressFilterTest {

  @Test
  void noFilterAddsNoCondition() {
    assertEquals("", ProgressFilter.NONE.where());
    assertTrue(ProgressFilter.NONE.parameters().isEmpty());
  }

  @Test
  void aReviewStatusMatchesEveryOrderStatusTheGridShowsAsIt() {
    assertEquals(
        List.of(
            OrderStatus.AWAITING_PAYMENT,
            OrderStatus.AWAITING_REVIEW,
            OrderStatus.AWAITING_SECOND_REVIEW),
        ProgressFilter.showingAs(ReviewStatus.PENDING));
    assertEquals(
        List.of(OrderStatus.APPROVED, OrderStatus.CERTIFICATE_MADE, OrderStatus.SHIPPED),
        ProgressFilter.showingAs(ReviewStatus.APPROVED));
  }

  @Test
  void unpaidMeansAwaitingPaymentOrCancelledNeverADraft() {
    assertEquals(
        List.of(OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED),
        ProgressFilter.showingAs(PaymentStatus.UNPAID));
  }

  @Test
  void theDateRangeIsBeijingDaysTheLastOneIncluded() {
    ProgressFilter filter =
        new ProgressFilter(null, null, null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7));
    Map<String, Object> parameters = filter.parameters();
    assertEquals(LocalDateTime.of(2026, 11, 30, 16, 0), parameters.get("submittedFrom"));
    assertEquals(LocalDateTime.of(2026, 12, 7, 16, 0), parameters.get("submittedBefore"));
    assertEquals(
        " AND a.submittedAt >= :submittedFrom AND a.submittedAt < :submittedBefore",
        filter.where());
  }

  @Test
  void everyValueIsAParameterNeverPartOfTheQuery() {
    ProgressFilter filter =
        new ProgressFilter(
            ServiceType.values()[0], ReviewStatus.REJECTED, PaymentStatus.PAID, null, null);
    assertEquals(
        " AND a.serviceType = :serviceType AND a.status IN :reviewStatuses"
            + " AND a.status IN :paymentStatuses",
        filter.where());
    assertEquals(3, filter.parameters().size());
  }

  @Test
  void aRangeEndingBeforeItStartsIsReversed() {
    assertTrue(
        new ProgressFilter(null, null, null, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 1))
            .isReversed());
    assertFalse(
        new ProgressFilter(null, null, null, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7))
            .isReversed());
  }
}
