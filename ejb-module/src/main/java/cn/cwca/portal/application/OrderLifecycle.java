package cn.cwca.portal.application;

import static cn.cwca.portal.application.OrderStatus.APPROVED;
import static cn.cwca.portal.application.OrderStatus.AWAITING_PAYMENT;
import static cn.cwca.portal.application.OrderStatus.AWAITING_PICKUP;
import static cn.cwca.portal.application.OrderStatus.AWAITING_REVIEW;
import static cn.cwca.portal.application.OrderStatus.AWAITING_SECOND_REVIEW;
import static cn.cwca.portal.application.OrderStatus.CANCELLED;
import static cn.cwca.portal.application.OrderStatus.CERTIFICATE_MADE;
import static cn.cwca.portal.application.OrderStatus.COMPLETED;
import static cn.cwca.portal.application.OrderStatus.DRAFT;
import static cn.cwca.portal.application.OrderStatus.REJECTED;
import static cn.cwca.portal.application.OrderStatus.SHIPPED;

import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.Messages;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every step an order may take, in one place: draft → 待支付 → paid (待审核) → 通过 / 驳回 → 制证 → shipped
 * (邮寄), waiting at the counter (自取, 未领取) or confirmed on the applicant's key (自助) → 已完成, with 用户已取消
 * as the side exit before payment (user manual 4.2: only a paid order is reviewed; a free order
 * counts as paid). A step the table does not hold is refused with a message that names the order's
 * status and the step, and changes nothing.
 */
public final class OrderLifecycle {

  /** The steps from each status: event → the status it leads to. */
  private static final Map<OrderStatus, Map<OrderEvent, OrderStatus>> STEPS =
      new EnumMap<>(OrderStatus.class);

  static {
    step(DRAFT, OrderEvent.SUBMIT, AWAITING_PAYMENT);
    step(DRAFT, OrderEvent.SUBMIT_FREE, AWAITING_REVIEW);
    step(AWAITING_PAYMENT, OrderEvent.PAY, AWAITING_REVIEW);
    step(AWAITING_PAYMENT, OrderEvent.CANCEL, CANCELLED);
    step(AWAITING_REVIEW, OrderEvent.APPROVE, APPROVED);
    step(AWAITING_REVIEW, OrderEvent.FIRST_APPROVE, AWAITING_SECOND_REVIEW);
    step(AWAITING_REVIEW, OrderEvent.REJECT, REJECTED);
    step(AWAITING_SECOND_REVIEW, OrderEvent.APPROVE, APPROVED);
    step(AWAITING_SECOND_REVIEW, OrderEvent.REJECT, REJECTED);
    step(REJECTED, OrderEvent.RESUBMIT, AWAITING_REVIEW);
    step(APPROVED, OrderEvent.MAKE_CERTIFICATE, CERTIFICATE_MADE);
    step(CERTIFICATE_MADE, OrderEvent.CONFIRM_ON_KEY, COMPLETED);
    step(CERTIFICATE_MADE, OrderEvent.SHIP, SHIPPED);
    step(CERTIFICATE_MADE, OrderEvent.READY_FOR_PICKUP, AWAITING_PICKUP);
    step(SHIPPED, OrderEvent.RESHIP, SHIPPED);
    step(SHIPPED, OrderEvent.SIGN, COMPLETED);
    step(SHIPPED, OrderEvent.AUTO_COMPLETE, COMPLETED);
    step(AWAITING_PICKUP, OrderEvent.HAND_OVER, COMPLETED);
  }

  private OrderLifecycle() {}

  private static void step(OrderStatus from, OrderEvent event, OrderStatus to) {
    STEPS.computeIfAbsent(from, s -> new EnumMap<>(OrderEvent.class)).put(event, to);
  }

  /**
   * The status an order reaches by the event, or empty when the step is not allowed: not from this
   * status, or not for this way of getting the key (邮寄 ships, 自取 waits at the counter, 自助 is
   * confirmed on the applicant's key).
   */
  public static Optional<OrderStatus> next(
      OrderStatus from, OrderEvent event, PickupMethod pickup) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(event, "event");
    if (!fitsPickup(event, pickup)) {
      return Optional.empty();
    }
    return Optional.ofNullable(STEPS.getOrDefault(from, Map.of()).get(event));
  }

  /**
   * The status an order reaches by the event.
   *
   * @throws BusinessException {@code order.stepRefused} naming the status and the step, when {@link
   *     #next} has none
   */
  public static OrderStatus require(OrderStatus from, OrderEvent event, PickupMethod pickup) {
    return next(from, event, pickup).orElseThrow(() -> refusal(from, event));
  }

  /** Whether the event is possible from this status for this way of getting the key. */
  public static boolean allows(OrderStatus from, OrderEvent event, PickupMethod pickup) {
    return next(from, event, pickup).isPresent();
  }

  /** The refusal of a step: 申请当前为“…”，不能…. */
  public static BusinessException refusal(OrderStatus from, OrderEvent event) {
    return new BusinessException(
        "order.stepRefused", Messages.text(from.labelKey()), Messages.text(event.labelKey()));
  }

  private static boolean fitsPickup(OrderEvent event, PickupMethod pickup) {
    return switch (event) {
      case CONFIRM_ON_KEY -> pickup == PickupMethod.SELF_SERVICE;
      case SHIP, RESHIP, SIGN, AUTO_COMPLETE -> pickup == PickupMethod.COURIER;
      case READY_FOR_PICKUP, HAND_OVER -> pickup == PickupMethod.PICKUP;
      default -> true;
    };
  }
}
