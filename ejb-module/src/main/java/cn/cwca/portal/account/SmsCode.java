package cn.cwca.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.HexFormat;

/**
 * A code requested for a {@link SmsPurpose}, a login name (empty for a registration) and a mobile
 * number. Every request is kept, also when no SMS left (a password reset for an unknown account or
 * a mobile not bound to it), because the sending limits count requests per mobile number and per
 * address. Only the salted SHA-256 hash of the code is stored. Timestamps are UTC.
 */
@Entity
@Table(name = "sms_code")
@NamedQuery(
    name = SmsCode.LAST_REQUEST_FOR_MOBILE,
    query = "SELECT MAX(c.requestedAt) FROM SmsCode c WHERE c.mobile = :mobile")
@NamedQuery(
    name = SmsCode.COUNT_FOR_MOBILE_SINCE,
    query = "SELECT COUNT(c) FROM SmsCode c WHERE c.mobile = :mobile AND c.requestedAt >= :since")
@NamedQuery(
    name = SmsCode.COUNT_FROM_ADDRESS_SINCE,
    query =
        "SELECT COUNT(c) FROM SmsCode c WHERE c.requestedFrom = :address"
            + " AND c.requestedAt >= :since")
@NamedQuery(
    name = SmsCode.LATEST_FOR,
    query =
        "SELECT c FROM SmsCode c WHERE c.purpose = :purpose AND c.loginName = :loginName"
            + " AND c.mobile = :mobile ORDER BY c.requestedAt DESC, c.id DESC")
public class SmsCode {

  static final String LAST_REQUEST_FOR_MOBILE = "SmsCode.lastRequestForMobile";
  static final String COUNT_FOR_MOBILE_SINCE = "SmsCode.countForMobileSince";
  static final String COUNT_FROM_ADDRESS_SINCE = "SmsCode.countFromAddressSince";
  static final String LATEST_FOR = "SmsCode.latestFor";

  /** Digits of a code. */
  public static final int DIGITS = 6;

  private static final int SALT_BYTES = 16;

  @Id
  @SequenceGenerator(name = "sms_code_seq", sequenceName = "sms_code_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sms_code_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "purpose", nullable = false, length = 20)
  private SmsPurpose purpose;

  @Column(name = "login_name", nullable = false, length = LoginAttempt.MAX_LOGIN_NAME)
  private String loginName;

  @Column(name = "mobile", nullable = false, length = 11)
  private String mobile;

  @Column(name = "code_salt", nullable = false, length = 32)
  private String codeSalt;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Column(name = "delivered", nullable = false)
  private boolean delivered;

  @Column(name = "requested_at", nullable = false)
  private LocalDateTime requestedAt;

  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  @Column(name = "tries", nullable = false)
  private int tries;

  @Column(name = "used_at")
  private LocalDateTime usedAt;

  /** The caller's address, cut to the column's length. */
  @Column(name = "requested_from", length = LoginAttempt.MAX_REMOTE_ADDRESS)
  private String requestedFrom;

  protected SmsCode() {}

  /**
   * A request for a code; only the hash of {@code code} is kept.
   *
   * @param delivered whether the code is sent to the mobile (for a password reset: the account
   *     exists and the mobile is bound to it)
   * @param requestedFrom the caller's address
   */
  SmsCode(
      SmsPurpose purpose,
      String loginName,
      String mobile,
      String code,
      boolean delivered,
      String requestedFrom,
      LocalDateTime now,
      SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    this.purpose = purpose;
    this.loginName = LoginAttempt.cut(loginName, LoginAttempt.MAX_LOGIN_NAME);
    this.mobile = mobile;
    this.codeSalt = HexFormat.of().formatHex(salt);
    this.codeHash = hash(codeSalt, code);
    this.delivered = delivered;
    this.requestedFrom = LoginAttempt.cut(requestedFrom, LoginAttempt.MAX_REMOTE_ADDRESS);
    this.requestedAt = now;
    this.expiresAt = now.plus(SmsCodePolicy.VALIDITY);
  }

  /** A fresh code of {@value #DIGITS} decimal digits, leading zeros included. */
  static String newCode(SecureRandom random) {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  /** What became of one try to use a code. */
  public enum Outcome {
    /** The code was right; it is used up now. */
    ACCEPTED,
    /** The code was wrong, or no SMS carried it; the try counts. */
    WRONG,
    /** The code was used already. */
    UNUSABLE,
    /** The code's validity has ended. */
    EXPIRED,
    /** Every try was spent before this one. */
    EXHAUSTED
  }

  /**
   * One try to use the code at {@code now}: counts the try, and marks the code used when it is
   * right. Tries after the last one, after expiry and after use do not count. A code no SMS carried
   * is never accepted, but it expires and spends its tries like any other: the answers must not
   * tell whether the login name and the mobile number belong together.
   */
  public Outcome attempt(String candidate, LocalDateTime now) {
    if (isUsed()) {
      return Outcome.UNUSABLE;
    }
    if (isExpiredAt(now)) {
      return Outcome.EXPIRED;
    }
    if (isExhausted()) {
      return Outcome.EXHAUSTED;
    }
    tries++;
    boolean right = matches(candidate);
    if (!right || !delivered) {
      return Outcome.WRONG;
    }
    usedAt = now;
    return Outcome.ACCEPTED;
  }

  /** Whether the code's validity has ended at {@code now}. */
  public boolean isExpiredAt(LocalDateTime now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether every try is spent. */
  public boolean isExhausted() {
    return tries >= SmsCodePolicy.MAX_TRIES;
  }

  /** Whether the code has been used for a reset. */
  public boolean isUsed() {
    return usedAt != null;
  }

  /** Whether {@code candidate} is the code (constant-time comparison of the hashes). */
  public boolean matches(String candidate) {
    if (candidate == null || !candidate.strip().matches("\\d{" + DIGITS + "}")) {
      return false;
    }
    return MessageDigest.isEqual(
        codeHash.getBytes(StandardCharsets.US_ASCII),
        hash(codeSalt, candidate.strip()).getBytes(StandardCharsets.US_ASCII));
  }

  private static String hash(String salt, String code) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha256.digest(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  public Long getId() {
    return id;
  }

  public SmsPurpose getPurpose() {
    return purpose;
  }

  public String getLoginName() {
    return loginName;
  }

  public String getMobile() {
    return mobile;
  }

  public boolean isDelivered() {
    return delivered;
  }

  public LocalDateTime getRequestedAt() {
    return requestedAt;
  }

  public LocalDateTime getExpiresAt() {
    return expiresAt;
  }

  public int getTries() {
    return tries;
  }

  public LocalDateTime getUsedAt() {
    return usedAt;
  }

  /** The salted hash, hex-encoded (for tests). */
  String codeHash() {
    return codeHash;
  }

  /** Never shows the hash. */
  @Override
  public String toString() {
    return "SmsCode[" + id + ", " + loginName + ", requestedAt=" + requestedAt + "]";
  }
}
