package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.InputField;
import cn.cwca.portal.application.UncheckedInput;

/** The text fields of a wizard step reopened with input that was typed and not saved. */
final class TypedText {

  private TypedText() {}

  /**
   * The typed text of the field in place of the saved value: {@code null} when the field was
   * cleared, the saved value when nothing was typed into it.
   */
  static String of(UncheckedInput typed, InputField field, String saved) {
    if (!typed.has(field)) {
      return saved;
    }
    String text = typed.text(field);
    return text.isEmpty() ? null : text;
  }
}
