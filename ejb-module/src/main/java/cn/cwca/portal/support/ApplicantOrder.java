package cn.cwca.portal.support;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One submitted order of an applicant as applicant support shows it.
 *
 * @param submittedAt UTC
 */
public record ApplicantOrder(
    String publicId,
    ServiceType serviceType,
    OrderStatus status,
    LocalDateTime submittedAt,
    BigDecimal price,
    String certificateSerialHex)
    implements Serializable {

  static ApplicantOrder of(CertificateApplication a) {
    return new ApplicantOrder(
        a.getPublicId(),
        a.getServiceType(),
        a.getStatus(),
        a.getSubmittedAt(),
        a.getPrice(),
        a.getCertificateSerialHex());
  }
}
