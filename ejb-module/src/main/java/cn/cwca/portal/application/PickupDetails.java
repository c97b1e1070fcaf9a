package cn.cwca.portal.application;

import cn.cwca.portal.catalogue.PickupMethod;
import java.io.Serializable;

/**
 * Step 3 (取key方式) as typed: the method, the handling point (may be {@code null} when the method has
 * only one), and the fields of the method: 收货人 and 备注 for 邮寄-收方付, 取证人 for 自取, none for 自助. The
 * other method's fields are ignored.
 */
public record PickupDetails(
    PickupMethod method,
    String handlingPointCode,
    String recipientName,
    String recipientMobile,
    String recipientAddress,
    String remark,
    String collectorName,
    String collectorMobile,
    String collectorIdNumber)
    implements Serializable {

  /** 自助: nothing to fill in. */
  public static PickupDetails selfService() {
    return new PickupDetails(
        PickupMethod.SELF_SERVICE, null, null, null, null, null, null, null, null);
  }

  /** 邮寄-收方付 with the shipping point the rules fix. */
  public static PickupDetails courier(String name, String mobile, String address, String remark) {
    return new PickupDetails(
        PickupMethod.COURIER, null, name, mobile, address, remark, null, null, null);
  }

  /** 自取 at the handling point the rules fix. */
  public static PickupDetails pickup(String name, String mobile, String residentIdNumber) {
    return new PickupDetails(
        PickupMethod.PICKUP, null, null, null, null, null, name, mobile, residentIdNumber);
  }
}
