package cn.cwca.portal.shipping;

import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 待发货: an order of 邮寄-收方付 whose certificate is made (已制证) and whose key waits to leave, with what
 * the waybill needs: the 收货人 as the applicant entered them and the handling point the key ships
 * from. Times are UTC.
 *
 * @param applicantName 姓名 or 机构名称 of the applicant's account
 * @param remark 备注; {@code null} when none
 */
public record ShippableOrder(
    String publicId,
    String applicantName,
    ServiceType serviceType,
    LocalDateTime submittedAt,
    String recipientName,
    String recipientMobile,
    String recipientAddress,
    String remark,
    String handlingPointName,
    String handlingPointAddress)
    implements Serializable {}
