package cn.cwca.portal.common;

/**
 * An identifier (身份证号, credit code, passport number) as a screen or the audit trail shows it when
 * it is only there to be recognised: the first and the last {@value #SHOWN} characters, the others
 * as {@code *}, e.g. {@code 3715**********9886}.
 */
public final class MaskedIdentifier {

  /** Characters shown at each end. */
  public static final int SHOWN = 4;

  private MaskedIdentifier() {}

  /**
   * The masked identifier; one too short to keep anything hidden is masked whole. {@code null}
   * stays {@code null}.
   */
  public static String of(String identifier) {
    if (identifier == null) {
      return null;
    }
    String id = identifier.strip();
    int length = id.length();
    if (length <= 2 * SHOWN) {
      return "*".repeat(length);
    }
    return id.substring(0, SHOWN) + "*".repeat(length - 2 * SHOWN) + id.substring(length - SHOWN);
  }
}
