package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.document.forms.OperationManual;
import cn.cwca.portal.it.TestIdentities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The screenshots of 操作文档, taken by an organisation going through the pages the manual describes
 * (register, log in, the five steps of 证书申请, 立即支付, 进度查询, 我的证书, 个人中心, 控件下载), into {@code
 * ear/target/manual-screens}. The test fails when the manual shows a screen this journey no longer
 * reaches. {@code docs/operation-manual.md} says how the screenshots are brought into the manual.
 */
class OperationManualBrowserIT {

  static final Path SCREENS = Path.of("target", "manual-screens");

  @Test
  void everyScreenOfTheManualIsTakenFromTheRealPages() throws Exception {
    if (Files.exists(SCREENS)) {
      try (Stream<Path> old = Files.list(SCREENS)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
    }
    Path files = Files.createDirectories(Path.of("target", "manual-files"));
    Path pdf = Files.write(files.resolve("申请资料.pdf"), ApplicationBrowserIT.minimalPdf());
    Path png = files.resolve("经办人身份证.png");
    BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 320, 200);
    g.dispose();
    ImageIO.write(image, "png", png.toFile());

    try (Browser b = new Browser().takingScreens(SCREENS)) {
      String uscc = TestIdentities.creditCode();
      PortalSteps.registerOrganisation(
          b, "聊城示例科技有限公司", uscc, TestIdentities.mobile(), "张法人", TestIdentities.PASSWORD);
      PortalSteps.login(b, uscc, TestIdentities.PASSWORD);
      b.waitForUrl("/applicant/home.xhtml");
      PortalSteps.submitNewKeyOrder(b, false, pdf, png);
      String paid = PortalSteps.submitNewKeyOrder(b, true, pdf, png);
      PortalSteps.payInSandbox(b, paid);

      b.open("/applicant/progress.xhtml");
      b.waitForText("progress", paid);
      b.snap("progress");
      b.open("/applicant/certificates.xhtml");
      b.snap("certificates");
      b.open("/applicant/profile.xhtml");
      b.snap("profile");
      b.open("/downloads.xhtml");
      b.find("downloadManual");
      b.snap("downloads");
    }

    List<String> taken;
    try (Stream<Path> shots = Files.list(SCREENS)) {
      taken = shots.map(p -> p.getFileName().toString().replace(".png", "")).sorted().toList();
    }
    for (String screen : OperationManual.screens()) {
      assertTrue(taken.contains(screen), screen + " is not among the screens taken: " + taken);
    }
    assertEquals(
        OperationManual.screens().stream().sorted().toList(),
        taken,
        "every screen taken is one the manual shows");
  }
}
