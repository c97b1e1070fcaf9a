package cn.cwca.portal.application;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A certificate the applicant may apply for (选择证书 of 丢失补办, or the certificate 识别KEY read).
 *
 * @param serialHex lower-case hexadecimal, what {@link
 *     CertificateInformation#certificateSerialHex()} takes
 * @param subjectName the subject's CN
 * @param notAfter expiry (UTC)
 */
public record CertificateChoice(
    String serialHex,
    String subjectDn,
    String subjectName,
    LocalDateTime notBefore,
    LocalDateTime notAfter)
    implements Serializable {

  static CertificateChoice of(
      String serialHex, String subjectDn, LocalDateTime notBefore, LocalDateTime notAfter) {
    return new CertificateChoice(
        serialHex,
        subjectDn,
        DistinguishedNames.get(subjectDn, DistinguishedNames.COMMON_NAME).orElse(subjectDn),
        notBefore,
        notAfter);
  }
}
