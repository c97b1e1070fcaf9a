package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.account.IdType;
import cn.cwca.portal.common.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationInputTest {

  private static String refusal(Runnable check) {
    return assertThrows(BusinessException.class, check::run).messageKey();
  }

  @Test
  void agentIsNormalisedWithTheAccountRules() {
    AgentDetails agent =
        ApplicationInput.agent(
            new AgentDetails(
                " 王经办 ", "+86 139-1234-5678", IdType.RESIDENT_ID, "32010219700104000x"));
    assertEquals(
        new AgentDetails("王经办", "13912345678", IdType.RESIDENT_ID, "32010219700104000X"), agent);
  }

  @Test
  void agentWithAPassportNeedsFiveCharactersOrMore() {
    assertEquals(
        "E1234567",
        ApplicationInput.agent(new AgentDetails("王经办", "13912345678", IdType.PASSPORT, "e1234567"))
            .idNumber());
    assertEquals(
        "validation.passport",
        refusal(
            () ->
                ApplicationInput.agent(
                    new AgentDetails("王经办", "13912345678", IdType.PASSPORT, "E12"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12440", "1111111111", "11111111111111111111"})
  void refusesTheManualsWrongPhoneNumbers(String mobile) {
    assertEquals(
        "validation.mobile",
        refusal(
            () ->
                ApplicationInput.agent(
                    new AgentDetails("王经办", mobile, IdType.RESIDENT_ID, "110101190001010006"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "11111111111111111111", "123456789123456789"})
  void refusesTheManualsWrongIdNumbers(String id) {
    assertEquals(
        "validation.residentId",
        refusal(
            () ->
                ApplicationInput.agent(
                    new AgentDetails("王经办", "13912345678", IdType.RESIDENT_ID, id))));
  }

  @Test
  void agentNeedsAnIdTypeAndAName() {
    assertEquals(
        "validation.required",
        refusal(
            () ->
                ApplicationInput.agent(
                    new AgentDetails("王经办", "13912345678", null, "110101190001010006"))));
    assertEquals(
        "validation.name",
        refusal(
            () ->
                ApplicationInput.agent(
                    new AgentDetails(
                        "王", "13912345678", IdType.RESIDENT_ID, "110101190001010006"))));
    assertEquals("validation.required", refusal(() -> ApplicationInput.agent(null)));
  }

  @Test
  void addressMustBeADeliverableLength() {
    assertEquals("山东省聊城市东昌府区", ApplicationInput.address(" 山东省聊城市东昌府区 "));
    assertEquals("validation.address", refusal(() -> ApplicationInput.address("聊城")));
    assertEquals("validation.address", refusal(() -> ApplicationInput.address("路".repeat(201))));
  }

  @Test
  void remarkIsOptionalButShort() {
    assertNull(ApplicationInput.remark("  "));
    assertEquals("放门卫", ApplicationInput.remark(" 放门卫 "));
    assertEquals("validation.remark", refusal(() -> ApplicationInput.remark("字".repeat(201))));
  }
}
