package cn.cwca.portal.shipping;

import cn.cwca.portal.rules.Waybills;

/**
 * 顺丰速运, the courier of 邮寄-收方付 (user manual 4.1.x.3: the key is sent 到付, carriage paid by the
 * recipient), and the page of SF's site where a waybill is tracked.
 */
public final class SfExpress {

  /** The courier company as it is stored with each shipment and shown in 快递信息. */
  public static final String COMPANY = "顺丰速运";

  /** SF's public tracking page of a waybill; the waybill number follows. */
  static final String TRACKING_PAGE = "https://www.sf-express.com/chn/sc/waybill/waybill-detail/";

  private SfExpress() {}

  /**
   * The tracking page of a 顺丰速运 waybill; {@code null} for another courier, or for a number that is
   * no SF waybill (those carried over from before the waybill rule), which is never put in a URL.
   */
  public static String trackingUrl(String courierCompany, String waybillNumber) {
    if (!COMPANY.equals(courierCompany) || !Waybills.isValid(waybillNumber)) {
      return null;
    }
    return TRACKING_PAGE + Waybills.normalize(waybillNumber);
  }
}
