package cn.cwca.portal.web.validation;

import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.Objects;

/**
 * Checks that a 确认密码 field repeats the password field whose id is the component attribute {@value
 * #MATCHES_ATTRIBUTE}, e.g. {@code <f:validator validatorId="passwordConfirmation"/><f:attribute
 * name="matches" value="password"/>}. The password field must come before the confirmation in the
 * form.
 */
@FacesValidator(PasswordConfirmationValidator.ID)
public class PasswordConfirmationValidator implements Validator<Object> {

  /** Validator id for {@code <f:validator validatorId=...>}. */
  public static final String ID = "passwordConfirmation";

  /** Component attribute with the id of the password field. */
  public static final String MATCHES_ATTRIBUTE = "matches";

  private static final String MESSAGE_KEY = "validation.passwordConfirm";

  @Override
  public void validate(FacesContext context, UIComponent component, Object value) {
    if (value == null || value.toString().isEmpty()) {
      return;
    }
    if (!Objects.equals(value.toString(), passwordOf(component))) {
      String text = FacesMessages.message(MESSAGE_KEY);
      throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
  }

  /**
   * The password as entered in this request: the submitted value while the password field is itself
   * invalid, else its converted value (the model value when it was not part of this request).
   */
  private static String passwordOf(UIComponent confirmation) {
    Object id = confirmation.getAttributes().get(MATCHES_ATTRIBUTE);
    UIComponent found = id == null ? null : confirmation.findComponent(id.toString());
    if (!(found instanceof UIInput password)) {
      throw new IllegalStateException(
          "Component "
              + confirmation.getClientId()
              + " names no password field in '"
              + MATCHES_ATTRIBUTE
              + "'");
    }
    Object entered =
        password.getSubmittedValue() != null ? password.getSubmittedValue() : password.getValue();
    return entered == null ? null : entered.toString();
  }
}
