package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Which issuing CAs count as this CA when a user shows a certificate (for example the one on a USB
 * key at renewal): the issuing CA itself and the earlier issuing CAs of the configuration, whose
 * certificates were issued before this system. A certificate is theirs when its issuer is the CA's
 * subject and its signature verifies with the CA's public key (RSA, ECDSA or SM2, with Bouncy
 * Castle).
 */
final class PreviousIssuers {

  private PreviousIssuers() {}

  /**
   * The certificates of a PEM file; anything else in it (keys, text) is an error.
   *
   * @throws CaException if the file cannot be read, holds something else, or holds no certificate
   */
  static List<X509CertificateHolder> read(Path pem) throws CaException {
    List<X509CertificateHolder> certificates = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (!(o instanceof X509CertificateHolder certificate)) {
          throw new CaException(
              "the previous issuer file " + pem + " holds a " + o.getClass().getSimpleName());
        }
        certificates.add(certificate);
      }
    } catch (IOException e) {
      throw new CaException("cannot read the previous issuer certificates " + pem, e);
    }
    if (certificates.isEmpty()) {
      throw new CaException("the previous issuer file " + pem + " holds no PEM certificate");
    }
    return certificates;
  }

  /** Whether one of the issuers signed the certificate; false for what is no certificate. */
  static boolean signedByOneOf(byte[] certificateDer, List<X509CertificateHolder> issuers) {
    X509CertificateHolder certificate;
    try {
      certificate = new X509CertificateHolder(certificateDer);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    for (X509CertificateHolder issuer : issuers) {
      if (issuer.getSubject().equals(certificate.getIssuer()) && verifies(certificate, issuer)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verifies(X509CertificateHolder certificate, X509CertificateHolder issuer) {
    try {
      return certificate.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.BC).build(issuer));
    } catch (OperatorCreationException
        | org.bouncycastle.cert.CertException
        | java.security.cert.CertificateException
        | RuntimeException e) {
      return false;
    }
  }
}
