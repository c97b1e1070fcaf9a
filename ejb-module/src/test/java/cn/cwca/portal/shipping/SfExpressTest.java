package cn.cwca.portal.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The link of 点击查看 to SF's tracking page. */
class SfExpressTest {

  @Test
  void anSfWaybillLinksToItsTrackingPage() {
    assertEquals(
        "https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123",
        SfExpress.trackingUrl("顺丰速运", "SF1234567890123"));
    assertEquals(
        "https://www.sf-express.com/chn/sc/waybill/waybill-detail/123456789012",
        SfExpress.trackingUrl(SfExpress.COMPANY, "123456789012"));
  }

  @Test
  void noLinkForAnotherCourierOrANumberThatIsNoSfWaybill() {
    assertNull(SfExpress.trackingUrl("中国邮政", "123456789012"));
    assertNull(SfExpress.trackingUrl(SfExpress.COMPANY, "SF123/../x"));
    assertNull(SfExpress.trackingUrl(SfExpress.COMPANY, null));
    assertNull(SfExpress.trackingUrl(null, null));
  }
}
