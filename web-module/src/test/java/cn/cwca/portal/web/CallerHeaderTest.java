package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallerHeaderTest {

  @Test
  void anApplicantIsShownByNameWithTheIdNumberMasked() {
    assertEquals("张三 3715**********9886", CallerHeader.text("371502199001019886", "张三", false));
  }

  @Test
  void anOrganisationIsShownByNameWithTheCreditCodeMasked() {
    assertEquals(
        "聊城测试有限公司 9137**********4RXY",
        CallerHeader.text("91371500MA3C4RXY7A".substring(0, 14) + "4RXY", "聊城测试有限公司", false));
  }

  @Test
  void staffAreShownByNameAndUserName() {
    assertEquals("系统管理员 admin", CallerHeader.text("admin", "系统管理员", true));
  }
}
