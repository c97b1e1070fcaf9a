package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.ServiceType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UncheckedInputTest {

  @Test
  void theTextsSurviveTheirJsonAsTyped() {
    UncheckedInput typed =
        UncheckedInput.of(
            Map.of(
                InputField.AGENT_NAME, "钱\"经办\"",
                InputField.AGENT_MOBILE, "123",
                InputField.STATEMENT_ACCEPTED, "true",
                InputField.REMARK, ""));

    UncheckedInput read = UncheckedInput.fromJson(typed.toJson());

    assertEquals(typed, read);
    assertEquals("123", read.text(InputField.AGENT_MOBILE), "an invalid number is kept");
    assertTrue(read.has(InputField.REMARK), "a cleared field is input too");
    assertFalse(read.has(InputField.YEARS));
  }

  @Test
  void noInputHasNoJson() {
    assertNull(UncheckedInput.none().toJson());
    assertTrue(UncheckedInput.fromJson(null).isEmpty());
    assertTrue(UncheckedInput.fromJson(" ").isEmpty());
  }

  @Test
  void unknownNamesAndNestedValuesAreDroppedAndNumbersTakenAsText() {
    UncheckedInput read =
        UncheckedInput.fromJson(
            "{\"AGENT_NAME\":\"王\",\"password\":\"x\",\"YEARS\":2,"
                + "\"HOLDS_JIANGSU_KEY\":false,\"REMARK\":{\"a\":1},\"COLLECTOR_NAME\":null}");

    assertEquals(
        Map.of(
            InputField.AGENT_NAME, "王",
            InputField.YEARS, "2",
            InputField.HOLDS_JIANGSU_KEY, "false",
            InputField.COLLECTOR_NAME, ""),
        read.texts());
  }

  @Test
  void aTextIsCutAtTheLimit() {
    String long600 = "长".repeat(600);
    UncheckedInput read = UncheckedInput.fromJson("{\"REMARK\":\"" + long600 + "\"}");
    assertEquals(UncheckedInput.MAX_LENGTH, read.text(InputField.REMARK).length());
    assertEquals(
        UncheckedInput.MAX_LENGTH - 1,
        UncheckedInput.of(Map.of(InputField.REMARK, "a".repeat(499) + "\uD83D\uDE00"))
            .text(InputField.REMARK)
            .length(),
        "no half of a surrogate pair is kept");
  }

  @Test
  void somethingThatIsNoJsonObjectIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> UncheckedInput.fromJson("AGENT_NAME=王"));
    assertThrows(IllegalArgumentException.class, () -> UncheckedInput.fromJson("[1,2]"));
  }

  @Test
  void aStepsSnapshotReplacesOnlyThatStepsFields() {
    UncheckedInput kept =
        UncheckedInput.of(
            Map.of(
                InputField.AGENT_NAME, "王",
                InputField.AGENT_MOBILE, "139",
                InputField.RECIPIENT_NAME, "李"));

    UncheckedInput next =
        kept.replacing(
            WizardStep.CERTIFICATE_INFORMATION,
            UncheckedInput.of(Map.of(InputField.AGENT_NAME, "王五", InputField.REMARK, "别处的")));

    assertEquals(Map.of(InputField.AGENT_NAME, "王五", InputField.RECIPIENT_NAME, "李"), next.texts());
    assertEquals(Map.of(InputField.AGENT_NAME, "王五"), next.without(WizardStep.PICKUP).texts());
  }

  @Test
  void choicesAnswersAndNumbersAreReadWhenTheyAreSuch() {
    UncheckedInput read =
        UncheckedInput.of(
            Map.of(
                InputField.SERVICE_TYPE, "LOST",
                InputField.AGENT_ID_TYPE, "SOMETHING",
                InputField.FURTHER_PAID_KEY, "true",
                InputField.HOLDS_JIANGSU_KEY, "maybe",
                InputField.YEARS, "3",
                InputField.COLLECTOR_ID_NUMBER, "3x"));

    assertEquals(ServiceType.LOST, read.choice(InputField.SERVICE_TYPE, ServiceType.class));
    assertNull(read.choice(InputField.AGENT_ID_TYPE, cn.cwca.portal.account.IdType.class));
    assertEquals(Boolean.TRUE, read.yesOrNo(InputField.FURTHER_PAID_KEY));
    assertNull(read.yesOrNo(InputField.HOLDS_JIANGSU_KEY));
    assertEquals(3, read.number(InputField.YEARS));
    assertNull(read.number(InputField.COLLECTOR_ID_NUMBER));
    assertNull(read.number(InputField.AGENT_NAME), "no input is no number");
  }
}
