package cn.cwca.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.catalogue.PickupMethod;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SMS an applicant gets when their order takes a step. */
class OrderSmsTextsTest {

  private static final String ID = "ABCDEFGHJK234567";

  private static final OrderSmsTexts.Facts COURIER =
      new OrderSmsTexts.Facts(
          PickupMethod.COURIER, "SF1234567890123", "宁夏银川办理点", "宁夏回族自治区银川市", null, 15);

  private static final OrderSmsTexts.Facts PICKUP =
      new OrderSmsTexts.Facts(PickupMethod.PICKUP, null, "山东聊城办理点", "山东省聊城市", null, 15);

  @Test
  void approvedSaysWhatComesNextForEachWayOfGettingTheKey() {
    assertEquals(
        "【CA数字证书】您的证书申请（申请ID：ABCDEFGHJK234567）已审核通过，我们将尽快制证并通过顺丰速运寄出（运费到付）。",
        text(OrderEvent.APPROVE, COURIER));
    assertTrue(text(OrderEvent.APPROVE, PICKUP).contains("现场领取"));
    assertTrue(text(OrderEvent.APPROVE, withPickup(PickupMethod.SELF_SERVICE)).contains("点击制证"));
  }

  @Test
  void rejectedQuotesTheLatestOpinion() {
    assertEquals(
        "【CA数字证书】您的证书申请（申请ID：ABCDEFGHJK234567）未通过审核，审核意见：营业执照不清晰。" + "请登录系统在进度查询中修改后重新提交。",
        text(OrderEvent.REJECT, withOpinion("  营业执照不清晰 ")));
  }

  @Test
  void aLongOpinionIsCutAndKeptOnOneLine() {
    String text = text(OrderEvent.REJECT, withOpinion("第一行\n第二行  " + "长".repeat(300)));
    assertTrue(text.contains("审核意见：第一行 第二行 长"), text);
    assertTrue(text.contains("长…。"), text);
    assertTrue(text.length() < 250, "fits the outbox: " + text.length());
  }

  @Test
  void rejectedWithoutAnOpinionSendsToTheProgressPage() {
    String text = text(OrderEvent.REJECT, withOpinion(" "));
    assertTrue(text.contains("查看审核意见"), text);
    assertFalse(text.contains("{1}"), text);
  }

  @Test
  void shippedNamesTheCourierAndTheWaybillAndAsksForTheSignature() {
    assertEquals(
        "【CA数字证书】您的证书申请（申请ID：ABCDEFGHJK234567）的KEY已通过顺丰速运寄出，运单号：SF1234567890123，运费到付。"
            + "收到后请登录系统在进度查询中点击签收。",
        text(OrderEvent.SHIP, COURIER));
    String again = text(OrderEvent.RESHIP, withWaybill("123456789012"));
    assertTrue(again.contains("重新寄出"), again);
    assertTrue(again.contains("新运单号：123456789012"), again);
    assertTrue(again.contains("不另收取KEY费用"), again);
  }

  @Test
  void readyForPickupNamesTheCounterAndTheIdCard() {
    assertEquals(
        "【CA数字证书】您的证书申请（申请ID：ABCDEFGHJK234567）的KEY已制作完成，请取证人携带身份证原件到山东聊城办理点（山东省聊城市）领取。",
        text(OrderEvent.READY_FOR_PICKUP, PICKUP));
  }

  @Test
  void eachWayOfCompletingSaysItIsCompleted() {
    for (OrderEvent event :
        Set.of(
            OrderEvent.SIGN,
            OrderEvent.AUTO_COMPLETE,
            OrderEvent.HAND_OVER,
            OrderEvent.CONFIRM_ON_KEY)) {
      String text = text(event, COURIER);
      assertTrue(text.contains("申请已完成"), event + ": " + text);
    }
    assertTrue(text(OrderEvent.AUTO_COMPLETE, COURIER).contains("发货已满15天，系统已自动签收"));
    assertTrue(text(OrderEvent.HAND_OVER, PICKUP).contains("现场领取"));
    assertTrue(text(OrderEvent.SIGN, COURIER).contains("您已签收"));
  }

  @ParameterizedTest
  @EnumSource(OrderEvent.class)
  void everyTextIsSignedNamesTheOrderAndLeavesNoPlaceholder(OrderEvent event) {
    Optional<String> text = OrderSmsTexts.text(event, ID, COURIER);
    assertEquals(OrderSmsTexts.notifies(event), text.isPresent(), event.name());
    text.ifPresent(
        t -> {
          assertTrue(t.startsWith("【CA数字证书】"), t);
          assertTrue(t.contains("申请ID：" + ID), t);
          assertFalse(t.contains("{") || t.contains("sms.order"), t);
          assertTrue(t.length() <= 500, "fits sms_outbox.text");
        });
  }

  @Test
  void theOtherStepsSendNothing() {
    for (OrderEvent event :
        Set.of(
            OrderEvent.SUBMIT,
            OrderEvent.SUBMIT_FREE,
            OrderEvent.PAY,
            OrderEvent.CANCEL,
            OrderEvent.FIRST_APPROVE,
            OrderEvent.RESUBMIT,
            OrderEvent.MAKE_CERTIFICATE)) {
      assertFalse(OrderSmsTexts.notifies(event), event.name());
      assertTrue(OrderSmsTexts.text(event, ID, COURIER).isEmpty(), event.name());
    }
  }

  private static String text(OrderEvent event, OrderSmsTexts.Facts facts) {
    return OrderSmsTexts.text(event, ID, facts).orElseThrow();
  }

  private static OrderSmsTexts.Facts withPickup(PickupMethod method) {
    return new OrderSmsTexts.Facts(method, null, "山东聊城办理点", "山东省聊城市", null, 15);
  }

  private static OrderSmsTexts.Facts withOpinion(String opinion) {
    return new OrderSmsTexts.Facts(PickupMethod.COURIER, null, "山东聊城办理点", "山东省聊城市", opinion, 15);
  }

  private static OrderSmsTexts.Facts withWaybill(String waybill) {
    return new OrderSmsTexts.Facts(
        PickupMethod.COURIER, waybill, "宁夏银川办理点", "宁夏回族自治区银川市", null, 15);
  }
}
