package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.FieldInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The names a person or organisation may register, which may become a certificate's subject. */
class NamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "张三",
        "欧阳娜娜",
        "阿卜杜拉·买买提",
        "阿卜杜拉・买买提",
        "John Smith",
        "Jean-Luc O.Brien",
        "聊城市示例科技有限公司",
        "聊城市示例科技（集团）有限公司",
        "示例(山东)有限公司",
        "A&B 贸易有限公司",
        "第1分公司",
        "  前后有空格  "
      })
  void acceptsRealNames(String name) {
    assertTrue(Names.isValid(name), name);
    assertTrue(FieldRule.NAME.accepts(name), name);
    assertEquals(name.strip(), FieldRule.NAME.normalize(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#3003020101",
        "#张三",
        "张三,CN=admin",
        "张+三",
        "张=三",
        "张;三",
        "张\"三\"",
        "张'三",
        "张\\三",
        "<b>张三</b>",
        "张三\u0000",
        "张\t三",
        "张\n三",
        "张\u200b三",
        "张\u202e三",
        "张/三",
        "张三!",
        "张三@公司",
        "李",
        "  李  "
      })
  void refusesWhatNoNameHas(String name) {
    assertFalse(Names.isValid(name), name);
    assertFalse(FieldRule.NAME.accepts(name), name);
  }

  @Test
  void hasTwoToFiftyCharactersCountedAsCodePoints() {
    assertTrue(Names.isValid("名".repeat(50)));
    assertFalse(Names.isValid("名".repeat(51)));
    assertTrue(Names.isValid("\uD840\uDC00\uD840\uDC01"), "two characters outside the BMP");
    assertFalse(Names.isValid(null));
  }

  @Test
  void theServicesRefuseSuchANameWithTheNameMessage() {
    assertEquals("张三", FieldInput.name(" 张三 "));
    BusinessException hash =
        org.junit.jupiter.api.Assertions.assertThrows(
            BusinessException.class, () -> FieldInput.name("#3003020101"));
    assertEquals("validation.name", hash.messageKey());
    BusinessException blank =
        org.junit.jupiter.api.Assertions.assertThrows(
            BusinessException.class, () -> FieldInput.name("  "));
    assertEquals("validation.required", blank.messageKey());
  }
}
