package cn.cwca.portal.shipping;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 已发货: an order whose key is with the courier and not signed for yet, with its current waybill and
 * how often it was shipped again (a lost parcel). Times are UTC.
 *
 * @param reshipments how many earlier waybills of the order were superseded
 */
public record ShippedOrder(
    String publicId,
    String applicantName,
    String recipientName,
    String recipientMobile,
    String recipientAddress,
    String handlingPointName,
    String courierCompany,
    String waybillNumber,
    LocalDateTime shippedAt,
    String shippedBy,
    long reshipments)
    implements Serializable {

  /** SF's tracking page of the waybill; {@code null} when there is none. */
  public String trackingUrl() {
    return SfExpress.trackingUrl(courierCompany, waybillNumber);
  }
}
