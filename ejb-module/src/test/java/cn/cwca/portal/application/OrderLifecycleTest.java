package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.common.BusinessException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step of the order lifecycle, allowed and refused, for each way of getting the key: the
 * expected steps are written out here, independently of {@link OrderLifecycle}'s table.
 */
class OrderLifecycleTest {

  private static final Set<PickupMethod> ALL = EnumSet.allOf(PickupMethod.class);

  private record Allowed(
      OrderStatus from, OrderEvent event, OrderStatus to, Set<PickupMethod> pickups) {}

  private static final List<Allowed> ALLOWED =
      List.of(
          new Allowed(OrderStatus.DRAFT, OrderEvent.SUBMIT, OrderStatus.AWAITING_PAYMENT, ALL),
          new Allowed(OrderStatus.DRAFT, OrderEvent.SUBMIT_FREE, OrderStatus.AWAITING_REVIEW, ALL),
          new Allowed(
              OrderStatus.AWAITING_PAYMENT, OrderEvent.PAY, OrderStatus.AWAITING_REVIEW, ALL),
          new Allowed(OrderStatus.AWAITING_PAYMENT, OrderEvent.CANCEL, OrderStatus.CANCELLED, ALL),
          new Allowed(OrderStatus.AWAITING_REVIEW, OrderEvent.APPROVE, OrderStatus.APPROVED, ALL),
          new Allowed(
              OrderStatus.AWAITING_REVIEW,
              OrderEvent.FIRST_APPROVE,
              OrderStatus.AWAITING_SECOND_REVIEW,
              ALL),
          new Allowed(OrderStatus.AWAITING_REVIEW, OrderEvent.REJECT, OrderStatus.REJECTED, ALL),
          new Allowed(
              OrderStatus.AWAITING_SECOND_REVIEW, OrderEvent.APPROVE, OrderStatus.APPROVED, ALL),
          new Allowed(
              OrderStatus.AWAITING_SECOND_REVIEW, OrderEvent.REJECT, OrderStatus.REJECTED, ALL),
          new Allowed(OrderStatus.REJECTED, OrderEvent.RESUBMIT, OrderStatus.AWAITING_REVIEW, ALL),
          new Allowed(
              OrderStatus.APPROVED, OrderEvent.MAKE_CERTIFICATE, OrderStatus.CERTIFICATE_MADE, ALL),
          new Allowed(
              OrderStatus.CERTIFICATE_MADE,
              OrderEvent.CONFIRM_ON_KEY,
              OrderStatus.COMPLETED,
              Set.of(PickupMethod.SELF_SERVICE)),
          new Allowed(
              OrderStatus.CERTIFICATE_MADE,
              OrderEvent.SHIP,
              OrderStatus.SHIPPED,
              Set.of(PickupMethod.COURIER)),
          new Allowed(
              OrderStatus.CERTIFICATE_MADE,
              OrderEvent.READY_FOR_PICKUP,
              OrderStatus.AWAITING_PICKUP,
              Set.of(PickupMethod.PICKUP)),
          new Allowed(
              OrderStatus.SHIPPED,
              OrderEvent.RESHIP,
              OrderStatus.SHIPPED,
              Set.of(PickupMethod.COURIER)),
          new Allowed(
              OrderStatus.SHIPPED,
              OrderEvent.SIGN,
              OrderStatus.COMPLETED,
              Set.of(PickupMethod.COURIER)),
          new Allowed(
              OrderStatus.SHIPPED,
              OrderEvent.AUTO_COMPLETE,
              OrderStatus.COMPLETED,
              Set.of(PickupMethod.COURIER)),
          new Allowed(
              OrderStatus.AWAITING_PICKUP,
              OrderEvent.HAND_OVER,
              OrderStatus.COMPLETED,
              Set.of(PickupMethod.PICKUP)));

  static Stream<Arguments> everyStep() {
    List<Arguments> steps = new ArrayList<>();
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderEvent event : OrderEvent.values()) {
        for (PickupMethod pickup : PickupMethod.values()) {
          Optional<OrderStatus> expected =
              ALLOWED.stream()
                  .filter(
                      a -> a.from() == from && a.event() == event && a.pickups().contains(pickup))
                  .map(Allowed::to)
                  .findFirst();
          steps.add(Arguments.of(from, event, pickup, expected.orElse(null)));
        }
      }
    }
    return steps.stream();
  }

  @ParameterizedTest(name = "{0} --{1} ({2})--> {3}")
  @MethodSource("everyStep")
  void takesExactlyTheAllowedSteps(
      OrderStatus from, OrderEvent event, PickupMethod pickup, OrderStatus expected) {
    assertEquals(Optional.ofNullable(expected), OrderLifecycle.next(from, event, pickup));
    assertEquals(expected != null, OrderLifecycle.allows(from, event, pickup));
    if (expected == null) {
      BusinessException refusal =
          assertThrows(BusinessException.class, () -> OrderLifecycle.require(from, event, pickup));
      assertEquals("order.stepRefused", refusal.messageKey());
    } else {
      assertEquals(expected, OrderLifecycle.require(from, event, pickup));
    }
  }

  @Test
  void aRefusalNamesTheStatusAndTheStepInChinese() {
    BusinessException refusal =
        assertThrows(
            BusinessException.class,
            () ->
                OrderLifecycle.require(
                    OrderStatus.AWAITING_REVIEW, OrderEvent.CANCEL, PickupMethod.COURIER));
    assertArrayEquals(new Object[] {"待审核", "取消申请"}, refusal.args());
  }

  @Test
  void completedAndCancelledOrdersTakeNoFurtherStep() {
    for (OrderEvent event : OrderEvent.values()) {
      for (PickupMethod pickup : PickupMethod.values()) {
        assertFalse(OrderLifecycle.allows(OrderStatus.COMPLETED, event, pickup));
        assertFalse(OrderLifecycle.allows(OrderStatus.CANCELLED, event, pickup));
      }
    }
  }

  @Test
  void onlyAnUnpaidOrderIsPaidOrCancelled() {
    for (OrderStatus from : OrderStatus.values()) {
      boolean unpaid = from == OrderStatus.AWAITING_PAYMENT;
      assertEquals(unpaid, OrderLifecycle.allows(from, OrderEvent.PAY, PickupMethod.COURIER));
      assertEquals(unpaid, OrderLifecycle.allows(from, OrderEvent.CANCEL, PickupMethod.COURIER));
    }
  }

  @Test
  void theGridColumnsUseTheManualsWords() {
    assertNull(OrderStatus.DRAFT.reviewStatus());
    assertEquals(ReviewStatus.PENDING, OrderStatus.AWAITING_PAYMENT.reviewStatus());
    assertEquals(PaymentStatus.UNPAID, OrderStatus.AWAITING_PAYMENT.paymentStatus());
    assertEquals(ReviewStatus.PENDING, OrderStatus.AWAITING_REVIEW.reviewStatus());
    assertEquals(PaymentStatus.PAID, OrderStatus.AWAITING_REVIEW.paymentStatus());
    assertEquals(ReviewStatus.APPROVED, OrderStatus.SHIPPED.reviewStatus());
    assertEquals(ReviewStatus.AWAITING_PICKUP, OrderStatus.AWAITING_PICKUP.reviewStatus());
    assertEquals(ReviewStatus.REJECTED, OrderStatus.REJECTED.reviewStatus());
    assertEquals(PaymentStatus.PAID, OrderStatus.REJECTED.paymentStatus());
    assertEquals(ReviewStatus.CANCELLED, OrderStatus.CANCELLED.reviewStatus());
    assertEquals(PaymentStatus.UNPAID, OrderStatus.CANCELLED.paymentStatus());
    assertEquals(ReviewStatus.COMPLETED, OrderStatus.COMPLETED.reviewStatus());
    assertTrue(
        EnumSet.allOf(ReviewStatus.class)
            .containsAll(
                Stream.of(OrderStatus.values())
                    .map(OrderStatus::reviewStatus)
                    .filter(r -> r != null)
                    .toList()));
  }

  @Test
  void everyStatusAndStepHasAChineseLabel() {
    for (OrderStatus s : OrderStatus.values()) {
      assertTrue(
          cn.cwca.portal.common.Messages.text(s.labelKey()).codePoints().anyMatch(c -> c > 0x4E00),
          s.name());
    }
    for (OrderEvent e : OrderEvent.values()) {
      assertTrue(
          cn.cwca.portal.common.Messages.text(e.labelKey()).codePoints().anyMatch(c -> c > 0x4E00),
          e.name());
    }
  }
}
