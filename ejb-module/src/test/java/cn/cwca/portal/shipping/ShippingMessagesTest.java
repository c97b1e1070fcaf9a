package cn.cwca.portal.shipping;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of delivery has its Chinese message. */
class ShippingMessagesTest {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validation.waybill",
        "validation.reshipReason",
        "validation.residentId",
        "validation.required",
        "shipping.waybillUsed",
        "shipping.concurrentEdit",
        "handOver.nameMismatch",
        "handOver.idNumberMismatch",
        "handOver.mismatch",
        "application.notFound",
        "order.stepRefused",
        "orderEvent.SHIP",
        "orderEvent.RESHIP",
        "orderEvent.SIGN",
        "orderEvent.READY_FOR_PICKUP",
        "orderEvent.HAND_OVER"
      })
  void eachRefusalHasItsChineseMessage(String key) {
    assertTrue(BUNDLE.containsKey(key), key);
    assertTrue(BUNDLE.getString(key).codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF));
  }
}
