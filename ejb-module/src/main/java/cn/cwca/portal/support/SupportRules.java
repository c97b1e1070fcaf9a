package cn.cwca.portal.support;

import cn.cwca.portal.common.BusinessException;

/**
 * The rules every support action follows, apart from the database: a reason the audit trail keeps,
 * the identity check the staff confirm before changing how an account is reached, and the reference
 * of the evidence of a transfer.
 */
public final class SupportRules {

  /** Longest reason kept (the audit entry and {@code account_transfer.reason}). */
  public static final int MAX_REASON = 500;

  /** Longest evidence reference (a file number, the registry's certificate number). */
  public static final int MAX_EVIDENCE = 200;

  private SupportRules() {}

  /**
   * The reason, stripped.
   *
   * @throws BusinessException {@code support.reason.required}; {@code support.reason.tooLong}
   */
  public static String reason(String value) {
    if (value == null || value.isBlank()) {
      throw new BusinessException("support.reason.required");
    }
    String reason = value.strip();
    if (reason.length() > MAX_REASON) {
      throw new BusinessException("support.reason.tooLong", MAX_REASON);
    }
    return reason;
  }

  /**
   * The evidence reference, stripped.
   *
   * @throws BusinessException {@code support.evidence.required}; {@code support.evidence.tooLong}
   */
  public static String evidence(String value) {
    if (value == null || value.isBlank()) {
      throw new BusinessException("support.evidence.required");
    }
    String evidence = value.strip();
    if (evidence.length() > MAX_EVIDENCE) {
      throw new BusinessException("support.evidence.tooLong", MAX_EVIDENCE);
    }
    return evidence;
  }

  /**
   * Refuses a change of how the account is reached unless the staff confirmed that they checked the
   * identity of the person asking (已核实身份).
   *
   * @throws BusinessException {@code support.identityNotChecked}
   */
  public static void identityChecked(boolean checked) {
    if (!checked) {
      throw new BusinessException("support.identityNotChecked");
    }
  }
}
