package cn.cwca.portal.issuance;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;

/**
 * What the 制证 page of an order shows and the key agent needs: the order, whether a proof of the old
 * certificate's key is asked (更新, 变更: the certificate read from the key at step 1) and the nonce
 * for it, and the certificate already made for the order (to write it again after an interruption;
 * never a second one).
 *
 * @param proofSerialHex the old certificate's serial, whose key must sign the nonce; {@code null}
 *     when no proof is asked
 * @param made the certificate made before; {@code null} until then
 */
public record SelfServiceView(
    String publicId,
    ServiceType serviceType,
    OrderStatus status,
    String proofSerialHex,
    String nonce,
    MadeCertificate made)
    implements Serializable {

  /** 制证 may start (approved), or be finished (made, not yet confirmed on the key). */
  public boolean makeable() {
    return status == OrderStatus.APPROVED || status == OrderStatus.CERTIFICATE_MADE;
  }
}
