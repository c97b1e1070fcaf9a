package cn.cwca.portal.web.validation;

import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * Checks a value against the {@link FieldRule} named by the component attribute {@value
 * #RULE_ATTRIBUTE} (a {@code FieldRule} or its name), e.g. {@code <f:validator
 * validatorId="fieldRule"/><f:attribute name="rule" value="MOBILE"/>}. Empty values pass: whether a
 * field is required is the component's {@code required}.
 */
@FacesValidator(FieldRuleValidator.ID)
public class FieldRuleValidator implements Validator<Object> {

  /** Validator id for {@code <f:validator validatorId=...>}. */
  public static final String ID = "fieldRule";

  /** Component attribute naming the rule. */
  public static final String RULE_ATTRIBUTE = "rule";

  @Override
  public void validate(FacesContext context, UIComponent component, Object value) {
    if (value == null || value.toString().isEmpty()) {
      return;
    }
    FieldRule rule = ruleOf(component);
    if (!rule.accepts(value.toString())) {
      String text = FacesMessages.message(rule.messageKey());
      throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
  }

  private static FieldRule ruleOf(UIComponent component) {
    Object rule = component.getAttributes().get(RULE_ATTRIBUTE);
    if (rule instanceof FieldRule fieldRule) {
      return fieldRule;
    }
    if (rule == null) {
      throw new IllegalStateException(
          "Component " + component.getClientId() + " has no attribute '" + RULE_ATTRIBUTE + "'");
    }
    return FieldRule.valueOf(rule.toString());
  }
}
