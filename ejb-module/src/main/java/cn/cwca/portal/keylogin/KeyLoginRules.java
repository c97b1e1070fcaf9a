package cn.cwca.portal.keylogin;

import cn.cwca.portal.account.Role;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateStatus;
import cn.cwca.portal.common.BusinessException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of the staff login with a USB key, apart from the database: when a staff member needs
 * the key, what a certificate serial looks like, and which certificate may prove a login.
 */
public final class KeyLoginRules {

  /**
   * The purpose of the login's challenges ({@code key_challenge.purpose}): a nonce given for a
   * staff login answers nothing else (not the 制证 of an order), and is bound to the login name it
   * was given to.
   */
  public static final String PURPOSE = "caportal-staff-login-v1";

  /**
   * A certificate serial as the registry spells it: lower-case hex, at most 20 bytes (RFC 5280).
   */
  private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,40}");

  private KeyLoginRules() {}

  /** Whether a staff member with these roles needs the key: any of them requires it. */
  public static boolean keyRequired(Collection<Role> roles, Collection<Role> requiringKey) {
    return roles.stream().anyMatch(requiringKey::contains);
  }

  /**
   * The serial typed by an administrator, as the registry spells it: stripped, lower case, without
   * a {@code 0x} prefix, spaces or colons, and without leading zeros.
   *
   * @throws BusinessException {@code validation.required}; {@code keyLogin.serial}
   */
  public static String serial(String typed) {
    if (typed == null || typed.isBlank()) {
      throw new BusinessException("validation.required");
    }
    String hex = typed.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s:]", "");
    if (hex.startsWith("0x")) {
      hex = hex.substring(2);
    }
    hex = hex.replaceFirst("^0+(?=.)", "");
    if (!SERIAL.matcher(hex).matches()) {
      throw new BusinessException("keyLogin.serial");
    }
    return hex;
  }

  /**
   * Why this certificate of the registry cannot prove a login now, or empty when it can: it must
   * exist, be issued by this CA, not be revoked (RFC 5280 revocation, 证书已吊销) and be within its
   * validity.
   *
   * @param issuedByThisCa whether this CA (or an earlier issuing CA it recognises) signed it
   * @return {@code keyLogin.certificateUnknown}, {@code keyLogin.notThisCa}, {@code
   *     keyLogin.revoked} or {@code keyLogin.certificateExpired}
   */
  public static Optional<String> refusal(
      CertificateRecord certificate, boolean issuedByThisCa, LocalDateTime now) {
    if (certificate == null) {
      return Optional.of("keyLogin.certificateUnknown");
    }
    if (!issuedByThisCa) {
      return Optional.of("keyLogin.notThisCa");
    }
    if (certificate.getStatus() == CertificateStatus.REVOKED) {
      return Optional.of("keyLogin.revoked");
    }
    if (!certificate.isValidAt(now)) {
      return Optional.of("keyLogin.certificateExpired");
    }
    return Optional.empty();
  }

  /**
   * The serial number of the certificate (DER) in lower-case hex, as the key agent names the
   * certificate whose key must sign.
   */
  public static String serialOf(byte[] certificateDer) {
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(certificateDer));
      return certificate.getSerialNumber().toString(16);
    } catch (CertificateException e) {
      throw new IllegalStateException("The registry holds a certificate that does not parse", e);
    }
  }
}
