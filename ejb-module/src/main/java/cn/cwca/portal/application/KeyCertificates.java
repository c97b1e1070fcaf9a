package cn.cwca.portal.application;

import cn.cwca.portal.common.BusinessException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * Parses the certificate the key agent read from the USB key (识别KEY), with the JDK's X.509 parser,
 * for the wizard and for 我的KEY. Possession of its key is proven separately: at step 1 of the wizard
 * ({@link KeyPossession}) and again when the certificate is made (制证) with the key inserted.
 */
public final class KeyCertificates {

  /** A certificate is a few kilobytes; anything much longer is not one. */
  static final int MAX_BASE64_LENGTH = 16 * 1024;

  /** Named so that the subject string shows the ID number or USCC as text (RFC 4519 keyword). */
  private static final Map<String, String> KEYWORDS = Map.of("2.5.4.5", "SERIALNUMBER");

  private KeyCertificates() {}

  /**
   * The certificate in {@code base64} (DER in base64, or PEM).
   *
   * @throws BusinessException {@code application.certificateRequired} when empty; {@code
   *     application.certificateUnreadable} when it is no X.509 certificate
   */
  public static KeyCertificate parse(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new BusinessException("application.certificateRequired");
    }
    if (base64.length() > MAX_BASE64_LENGTH) {
      throw new BusinessException("application.certificateUnreadable");
    }
    try {
      byte[] encoded =
          base64.contains("-----BEGIN")
              ? base64.getBytes(StandardCharsets.US_ASCII)
              : Base64.getMimeDecoder().decode(base64.strip());
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(encoded));
      return new KeyCertificate(
          certificate.getSerialNumber().toString(16),
          certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, KEYWORDS),
          certificate.getIssuerX500Principal().getName(X500Principal.RFC2253, KEYWORDS),
          utc(certificate.getNotBefore()),
          utc(certificate.getNotAfter()),
          certificate.getEncoded());
    } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
      throw new BusinessException("application.certificateUnreadable");
    }
  }

  private static LocalDateTime utc(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
  }
}
