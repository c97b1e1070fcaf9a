package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.cwca.portal.it.TestIdentities;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * 证书信息填写 in headless Chromium: each 服务类型 shows its 注释 and its 注意 (user manual 4.1), and the
 * lost-key types first show the modal 补办证书提示, which the applicant acknowledges.
 */
class ServiceTypeNoticesBrowserIT {

  /**
   * A service type as the manual describes it: its label, a part of its 注释, the part of its 注意 that
   * names the type's key ({@code null}: no warning), and whether the 补办证书提示 comes first.
   */
  private record Expected(String label, String scenario, String warning, boolean lostNotice) {}

  /** In the order of the 服务类型 radio buttons. */
  private static final List<Expected> TYPES =
      List.of(
          new Expected("新办（替换）", "首次申请西部CA锁", null, false),
          new Expected("更新证书", "申请证书续期", "当前申请的更新USBkey", false),
          new Expected("变更", "申请西部CA锁证书信息的变更", "当前申请的变更的USBkey", false),
          new Expected("丢失补办", "丢失后申请补办", "当前申请的丢失补办USBkey", true),
          new Expected("变更+更新", "申请CA锁证书信息的变更和续期", "当前申请的变更+更新的USBkey", false),
          new Expected("更新+丢失补办", "申请续期和补办", "当前申请的丢失补办USBkey", true));

  /** Whether the modal 补办证书提示 is on the screen. */
  private static final String LOST_NOTICE_SHOWN =
      "(function () { var d = document.getElementById('lostNotice');"
          + " return !!d && d.getClientRects().length > 0"
          + " && window.getComputedStyle(d).visibility !== 'hidden'; })()";

  private Browser b;

  @BeforeEach
  void openBrowser() throws Exception {
    b = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    b.close();
  }

  @Test
  void eachServiceTypeShowsItsWarningAndTheLostTypesTheModalFirst() {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(b, "周提示", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(b, id, TestIdentities.PASSWORD);
    b.waitForUrl("/applicant/home.xhtml");
    b.open("/applicant/apply.xhtml");
    b.waitForAttribute("wizardStage", "data-stage", "CERTIFICATE_INFORMATION");
    assertFalse(lostNoticeShown(), "no modal before a type is chosen");

    for (int i = 0; i < TYPES.size(); i++) {
      Expected type = TYPES.get(i);
      String radio = "#serviceType label[for='serviceType:" + i + "']";
      assertEquals(type.label(), b.driver().findElement(By.cssSelector(radio)).getText());
      b.clickCss(radio);
      b.waitForText("typeScenario", type.scenario());

      if (type.lostNotice()) {
        b.waitUntil(
            "the 补办证书提示 of " + type.label() + " is shown", "return " + LOST_NOTICE_SHOWN + ";");
        b.waitForText("lostNotice", "补办证书提示");
        b.waitForText("lostNotice", "查看已经办理的数字证书列表");
        b.waitForText("lostNotice", "当前申请的丢失补办USBkey");
        b.waitForText("lostNotice", "4007-188588");
        b.click("lostNoticeOk");
        b.waitUntil("the 补办证书提示 is closed", "return !" + LOST_NOTICE_SHOWN + ";");
      } else {
        assertFalse(lostNoticeShown(), type.label() + " shows no 补办证书提示");
      }

      if (type.warning() == null) {
        assertFalse(b.exists("typeWarning"), type.label() + " has no warning");
      } else {
        b.waitForText("typeWarning", "注意");
        b.waitForText("typeWarning", type.warning());
        b.waitForText("typeWarning", "待开标的电子标书");
        b.waitForText("typeWarning", "4007-188588");
        String warning = b.text("typeWarning");
        assertEquals(
            type.label().contains("变更"), warning.contains("个人中心"), type.label() + ": " + warning);
      }
    }
    PortalSteps.logout(b);
  }

  /** Whether the 补办证书提示 is shown once the page has handled the last click. */
  private boolean lostNoticeShown() {
    b.waitForAjax();
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) b.driver()).executeScript("return " + LOST_NOTICE_SHOWN + ";"));
  }
}
