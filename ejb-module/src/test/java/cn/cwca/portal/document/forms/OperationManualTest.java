package cn.cwca.portal.document.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class OperationManualTest {

  @Test
  void everyScreenshotTheManualShowsIsInTheBuild() throws Exception {
    List<String> screens = OperationManual.screens();
    assertFalse(screens.isEmpty());
    assertEquals(screens.size(), screens.stream().distinct().count(), "each screen once");
    for (String screen : screens) {
      try (InputStream png =
          OperationManual.class.getResourceAsStream(OperationManual.screenPath(screen))) {
        assertNotNull(png, OperationManual.screenPath(screen));
      }
    }
  }

  @Test
  void theManualComposesWithEveryChapterAndEveryScreenshot() throws Exception {
    String source = OperationManual.source();
    try (PDDocument pdf = Loader.loadPDF(OperationManual.pdf())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
      for (String line : source.split("\n")) {
        if (line.startsWith("#")) {
          String heading = line.substring(line.indexOf(' ') + 1).replaceAll("\\s", "");
          assertTrue(text.contains(heading), heading);
        }
      }
      int images = 0;
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject) {
            images++;
          }
        }
      }
      assertEquals(OperationManual.screens().size(), images);
    }
  }

  @Test
  void aManualWithoutItsTitleIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> OperationManual.compose("## 一、注册\n正文"));
  }
}
