package cn.cwca.portal.issuance;

import java.io.Serializable;
import java.util.List;

/**
 * A certificate made for an order, as the key agent writes it onto the USB key: the certificate and
 * its chain (issuing CA first), each base64 DER.
 */
public record MadeCertificate(String serialHex, String certificateBase64, List<String> chainBase64)
    implements Serializable {

  public MadeCertificate {
    chainBase64 = List.copyOf(chainBase64);
  }
}
