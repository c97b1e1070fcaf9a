package cn.cwca.portal.sms;

import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.common.Messages;
import java.util.Optional;
import java.util.Set;

/**
 * The texts of the SMS an applicant gets when their order is approved, rejected, shipped (again),
 * waits at the counter or is completed (keys {@code sms.order.<EVENT>} in the messages bundle).
 * Each names the 申请ID and what the applicant needs next (the waybill, the counter's address, the
 * 审核意见); never a password or a code.
 */
public final class OrderSmsTexts {

  /** The steps the applicant is told of. */
  static final Set<OrderEvent> NOTIFIED =
      Set.of(
          OrderEvent.APPROVE,
          OrderEvent.REJECT,
          OrderEvent.SHIP,
          OrderEvent.RESHIP,
          OrderEvent.READY_FOR_PICKUP,
          OrderEvent.SIGN,
          OrderEvent.AUTO_COMPLETE,
          OrderEvent.HAND_OVER,
          OrderEvent.CONFIRM_ON_KEY);

  /** The longest 审核意见 a text quotes; a longer one is cut (the whole is on 进度查询). */
  static final int MAX_OPINION = 150;

  /**
   * What a text names besides the 申请ID; each may be {@code null} where the step does not need it.
   *
   * @param pickupMethod 取key方式 (the approval says what comes next)
   * @param waybill the current 顺丰速运 waybill (发货, 重新发货)
   * @param handlingPointName the counter's handling point (待领取)
   * @param handlingPointAddress its address (待领取)
   * @param reviewOpinion the latest 审核意见 (驳回)
   * @param autoCompleteDays the days after which a key counts as received (自动签收)
   */
  public record Facts(
      PickupMethod pickupMethod,
      String waybill,
      String handlingPointName,
      String handlingPointAddress,
      String reviewOpinion,
      int autoCompleteDays) {}

  private OrderSmsTexts() {}

  /** Whether the applicant gets an SMS when their order takes this step. */
  public static boolean notifies(OrderEvent event) {
    return NOTIFIED.contains(event);
  }

  /** The SMS of the step; empty for a step the applicant is not told of. */
  public static Optional<String> text(OrderEvent event, String publicId, Facts facts) {
    if (!notifies(event)) {
      return Optional.empty();
    }
    String key = "sms.order." + event.name();
    return Optional.of(
        switch (event) {
          case APPROVE ->
              Messages.format(
                  key
                      + "."
                      + (facts.pickupMethod() == null
                          ? PickupMethod.COURIER
                          : facts.pickupMethod()),
                  publicId);
          case REJECT ->
              blank(facts.reviewOpinion())
                  ? Messages.format(key + ".noOpinion", publicId)
                  : Messages.format(key, publicId, opinion(facts.reviewOpinion()));
          case SHIP, RESHIP -> Messages.format(key, publicId, facts.waybill());
          case READY_FOR_PICKUP ->
              Messages.format(
                  key, publicId, facts.handlingPointName(), facts.handlingPointAddress());
          case AUTO_COMPLETE ->
              Messages.format(key, publicId, String.valueOf(facts.autoCompleteDays()));
          default -> Messages.format(key, publicId);
        });
  }

  /** The opinion on one line, cut to {@value #MAX_OPINION} characters. */
  static String opinion(String opinion) {
    String line = opinion.strip().replaceAll("\\s+", " ");
    if (line.codePointCount(0, line.length()) <= MAX_OPINION) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, MAX_OPINION)) + "…";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
