package cn.cwca.portal.shipping;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 自取 at the counter: an order whose key is made (已制证, to be put out: 待领取) or waits at the counter
 * (未领取), with the 取证人 as the applicant entered them. The ID number leaves the server masked ({@link
 * cn.cwca.portal.common.MaskedIdentifier}): the operator reads the person's ID card and types what
 * it says, and the service compares. Times are UTC.
 */
public record CounterOrder(
    String publicId,
    String applicantName,
    ServiceType serviceType,
    OrderStatus status,
    LocalDateTime submittedAt,
    String handlingPointName,
    String handlingPointAddress,
    String collectorName,
    String collectorMobile,
    String collectorIdNumberMasked)
    implements Serializable {

  /** 未领取: the key may be handed over. */
  public boolean awaitingPickup() {
    return status == OrderStatus.AWAITING_PICKUP;
  }
}
