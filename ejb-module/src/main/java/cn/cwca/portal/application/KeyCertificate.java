package cn.cwca.portal.application;

import java.time.LocalDateTime;

/**
 * What the portal keeps of a certificate read from a USB key: serial (lower-case hexadecimal
 * without leading zeros, as the registry), subject and issuer (RFC 4514), validity (UTC) and the
 * DER bytes.
 */
public record KeyCertificate(
    String serialHex,
    String subjectDn,
    String issuerDn,
    LocalDateTime notBefore,
    LocalDateTime notAfter,
    byte[] der) {}
