package cn.cwca.portal.keylogin;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What the key step's page needs: whose login it is, the nonce the key signs, the serial (hex) of
 * the certificate whose key must sign it, and when the nonce expires (UTC).
 */
public record PendingKeyLogin(
    String loginName, String nonce, String certificateSerialHex, LocalDateTime expiresAt)
    implements Serializable {}
