package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.InputField;
import cn.cwca.portal.application.UncheckedInput;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step reopened with what was typed and not saved shows that in place of the saved values. */
class ApplyStepInputTest {

  @Test
  void typedTextReplacesTheSavedValue() {
    UncheckedInput typed = UncheckedInput.of(Map.of(InputField.AGENT_NAME, "吴经办"));
    assertEquals("吴经办", TypedText.of(typed, InputField.AGENT_NAME, "钱经办"));
  }

  @Test
  void aClearedFieldShowsNothing() {
    UncheckedInput typed = UncheckedInput.of(Map.of(InputField.AGENT_NAME, ""));
    assertNull(TypedText.of(typed, InputField.AGENT_NAME, "钱经办"));
  }

  @Test
  void aFieldNothingWasTypedIntoKeepsTheSavedValue() {
    assertEquals("钱经办", TypedText.of(UncheckedInput.none(), InputField.AGENT_NAME, "钱经办"));
  }

  @Test
  void certificateInformationIsShownAsTyped() {
    ApplyCertificateStep step = new ApplyCertificateStep();
    step.setAgentMobile("13900000000");
    step.restore(
        UncheckedInput.of(
            Map.of(
                InputField.SERVICE_TYPE, "NEW_OR_REPLACE",
                InputField.YEARS, "1",
                InputField.HOLDS_JIANGSU_KEY, "false",
                InputField.FURTHER_PAID_KEY, "true",
                InputField.AGENT_MOBILE, "123",
                InputField.AGENT_ID_TYPE, "PASSPORT",
                InputField.STATEMENT_ACCEPTED, "true")));
    assertEquals(ServiceType.NEW_OR_REPLACE, step.getServiceType());
    assertEquals(1, step.getYears());
    assertEquals(Boolean.FALSE, step.getHoldsJiangsuKey());
    assertEquals(Boolean.TRUE, step.getFurtherPaidKey());
    assertEquals("123", step.getAgentMobile(), "a half-typed number is shown as typed");
    assertEquals(IdType.PASSPORT, step.getAgentIdType());
    assertTrue(step.isStatementAccepted());
  }

  @Test
  void anIdTypeThatIsNoneKeepsTheSavedOne() {
    ApplyCertificateStep step = new ApplyCertificateStep();
    step.restore(UncheckedInput.of(Map.of(InputField.AGENT_ID_TYPE, "")));
    assertEquals(IdType.RESIDENT_ID, step.getAgentIdType());
  }

  @Test
  void theStatementIsUncheckedWhenTypedAsAnythingButYes() {
    ApplyCertificateStep step = new ApplyCertificateStep();
    step.setStatementAccepted(true);
    step.restore(UncheckedInput.of(Map.of(InputField.STATEMENT_ACCEPTED, "false")));
    assertFalse(step.isStatementAccepted());
  }

  @Test
  void pickupDetailsAreShownAsTyped() {
    ApplyPickupStep step = new ApplyPickupStep();
    step.setRecipientName("孙收货");
    step.restore(
        UncheckedInput.of(Map.of(InputField.RECIPIENT_MOBILE, "139", InputField.REMARK, "工作日送达")));
    assertEquals("孙收货", step.getRecipientName());
    assertEquals("139", step.getRecipientMobile());
    assertEquals("工作日送达", step.getRemark());
  }

  @Test
  void aTypedPickupMethodTheDraftMayNotChooseIsIgnored() {
    ApplyPickupStep step = new ApplyPickupStep();
    step.setPickupMethod(PickupMethod.COURIER);
    step.restore(UncheckedInput.of(Map.of(InputField.PICKUP_METHOD, "PICKUP")));
    assertEquals(PickupMethod.COURIER, step.getPickupMethod());
  }
}
