package cn.cwca.portal.issuance;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStepTaken;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.common.ClientInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * 丢失补办 and 更新+丢失补办: the lost key's certificate is revoked (keyCompromise) when the order is
 * approved, in the approval's own transaction, so that it shows at once in OCSP and the next CRL
 * and whoever holds the lost key can no longer use it.
 */
@ApplicationScoped
public class LostKeyRevocation {

  @Inject Orders orders;

  @Inject CertificateRegistry registry;

  @Inject CertificateService certificates;

  void revokeOnApproval(@Observes OrderStepTaken step) {
    if (step.event() != OrderEvent.APPROVE) {
      return;
    }
    CertificateApplication order = orders.byId(step.orderId()).orElseThrow();
    String serial = order.getCertificateSerialHex();
    if (order.getServiceType().isLost()
        && serial != null
        && registry.findBySerial(serial).isPresent()) {
      certificates.revoke(serial, RevocationReason.KEY_COMPROMISE, ClientInfo.system());
    }
  }
}
