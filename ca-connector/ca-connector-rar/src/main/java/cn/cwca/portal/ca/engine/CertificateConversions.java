package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/** Between Bouncy Castle's certificate holders and JCA certificates, as key stores need them. */
final class CertificateConversions {

  private CertificateConversions() {}

  static List<X509CertificateHolder> holders(Certificate[] chain) throws CaException {
    List<X509CertificateHolder> holders = new ArrayList<>(chain.length);
    try {
      for (Certificate certificate : chain) {
        holders.add(new X509CertificateHolder(certificate.getEncoded()));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException("unreadable CA certificate in the key store", e);
    }
    return holders;
  }

  /** JCA certificates made by the given certificate factory. */
  static X509Certificate[] certificates(
      List<X509CertificateHolder> chain, CertificateFactory factory) throws CaException {
    X509Certificate[] certificates = new X509Certificate[chain.size()];
    try {
      for (int i = 0; i < certificates.length; i++) {
        certificates[i] =
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(chain.get(i).getEncoded()));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException("cannot convert a CA certificate for the key store", e);
    }
    return certificates;
  }
}
