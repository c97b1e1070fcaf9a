package cn.cwca.portal.issuance;

import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.time.LocalDateTime;

/** An approved order the office makes the key for (邮寄 or 自取), as the operator's list shows it. */
public record OfficeOrder(
    String publicId,
    String applicantName,
    ServiceType serviceType,
    PickupMethod pickupMethod,
    String handlingPointName,
    LocalDateTime approvedAt)
    implements Serializable {}
