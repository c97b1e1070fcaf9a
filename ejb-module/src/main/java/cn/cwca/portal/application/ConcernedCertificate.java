package cn.cwca.portal.application;

import java.time.LocalDateTime;

/**
 * The existing certificate an application is about (更新, 变更, 丢失补办 and their combinations), as
 * checked in step 1; {@code der} only when it was read from the key.
 */
record ConcernedCertificate(
    String serialHex,
    String subjectDn,
    LocalDateTime notBefore,
    LocalDateTime notAfter,
    byte[] der) {}
