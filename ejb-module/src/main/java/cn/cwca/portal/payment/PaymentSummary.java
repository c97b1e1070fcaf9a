package cn.cwca.portal.payment;

import cn.cwca.portal.catalogue.PriceQuote;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 信息确认, the first step of 立即支付 (user manual 4.2): 申请ID, 业务类型, 证书年限, the amount itemised
 * (certificate, key) and 申请时间 (UTC).
 */
public record PaymentSummary(
    String publicId,
    ServiceType serviceType,
    Integer years,
    PriceQuote price,
    LocalDateTime submittedAt,
    boolean payable)
    implements Serializable {}
