package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.RevokedCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * Signs version 2 CRLs (RFC 5280 section 5) with the issuing CA key: the CRL number and the
 * authority key identifier as extensions, a reasonCode in each entry unless the reason is
 * unspecified (section 5.3.1 asks for no reasonCode then).
 */
final class CrlSigner {

  private final IssuingCa ca;

  CrlSigner(IssuingCa ca) {
    this.ca = ca;
  }

  byte[] sign(CrlRequest request) throws CaException {
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(ca.name(), Asn1Times.time(request.thisUpdate()));
    builder.setNextUpdate(Asn1Times.time(request.nextUpdate()));
    for (RevokedCertificate revoked : request.revoked()) {
      builder.addCRLEntry(
          new BigInteger(revoked.serialHex(), 16),
          Date.from(revoked.revokedAt()),
          revoked.reason().code());
    }
    try {
      builder.addExtension(
          ExtensionValues.nonCritical(
              Extension.cRLNumber, new CRLNumber(BigInteger.valueOf(request.crlNumber()))));
      builder.addExtension(ca.authorityKeyIdentifier());
    } catch (CertIOException e) {
      throw new CaException("cannot encode the CRL extensions", e);
    }
    X509CRLHolder crl = ca.signers().sign(builder::build);
    try {
      return crl.getEncoded();
    } catch (IOException e) {
      throw new CaException("cannot encode the CRL", e);
    }
  }
}
